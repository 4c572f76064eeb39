/** The workbook port's contract: one suite that every adapter (memory, xlsx, Google Sheets) must pass unchanged. */
import { describe } from "vitest";
import { describeWorkbookBatches } from "./describe-workbook-batches.js";
import { describeWorkbookReads } from "./describe-workbook-reads.js";
import { describeWorkbookUpdates } from "./describe-workbook-updates.js";
import type { ContractOptions, WorkbookFactory } from "./workbook-contract-fixture.js";

export type { ContractOptions, WorkbookFactory } from "./workbook-contract-fixture.js";

/** Runs the whole contract (reads, guarded updates, batches) against the adapter `factory` builds, under one describe named for it. */
export const describeWorkbook = (name: string, factory: WorkbookFactory, options: ContractOptions = {}): void => {
  const { propertyRuns = 50 } = options;

  describe(`${name} satisfies the workbook contract`, () => {
    describeWorkbookReads(factory);
    describeWorkbookUpdates(factory, propertyRuns);
    describeWorkbookBatches(factory);
  });
};
