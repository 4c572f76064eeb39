/** Awaits a promise that must fail with an ActionlogError of `code`, and hands back its message for further checks. */
import { expect } from "vitest";
import { type ActionlogErrorCode, isActionlogError } from "../../shared/core/errors.js";

export async function failsWith(promise: Promise<unknown>, code: ActionlogErrorCode): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isActionlogError(error)) throw new Error(`expected ActionlogError ${code}, got ${String(error)}`);
  expect(error.code).toBe(code);
  return error.message;
}
