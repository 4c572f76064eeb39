import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readMinutes } from "../../../shared/adapters/minutes-file.js";
import { extractMinutes, minutesJson } from "../../../shared/core/minutes/extract.js";
import { minutesDsb14Document, minutesDsb14Text } from "../../../shared/demo/minutes-dsb14.js";
import { minutesDocx } from "../../support/minutes-docx.js";

const extracted = async (source: string | Uint8Array, label: string) => minutesJson(extractMinutes(await readMinutes(source, label)));

describe("readMinutes", () => {
  it("reads the fixture's Word tables from a real .docx exactly as from its text", async () => {
    const docx = await minutesDocx(minutesDsb14Document());
    const fromDocx = await extracted(docx, "dsb14.docx");
    expect(fromDocx).toEqual(await extracted(minutesDsb14Text(), "dsb14.txt"));
    expect(fromDocx.actions).toHaveLength(13);
    expect(fromDocx.actions[1]?.owner).toBe("Programme (Ruth Adeyemi)");
  });

  it.each([
    ["UTF-8 bytes", (text: string) => new TextEncoder().encode(text)],
    ["UTF-16 with a byte-order mark (Word's Unicode text)", (text: string) => new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))])],
  ])("reads text files saved as %s", async (_name, encode) => {
    const text = minutesDsb14Text();
    expect(await extracted(encode(text), "dsb14.txt")).toEqual(await extracted(text, "dsb14.txt"));
  });

  it.each([
    ["a truncated .docx", async () => (await minutesDocx(minutesDsb14Document())).slice(0, 400), "damaged or truncated"],
    ["a zip without word/document.xml", async () => new Uint8Array(await new JSZip().file("hello.txt", "hi").generateAsync({ type: "uint8array" })), "no word/document.xml"],
    ["text named .docx", async () => new TextEncoder().encode("not a zip"), "not a zip package"],
  ])("refuses %s with a clear MINUTES_UNREADABLE error", async (_name, make, why) => {
    const error = await readMinutes(await make(), "minutes.docx").catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ActionlogError", code: "MINUTES_UNREADABLE" });
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).toContain("minutes.docx");
  });
});
