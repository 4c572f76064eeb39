/** Minutes .docx zip bombs are refused, by the size the zip declares or by what inflating actually yields, never by running out of memory. */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES, readMinutes } from "../../shared/adapters/minutes-file.js";
import { minutesDsb14Document } from "../../shared/demo/minutes-dsb14.js";
import { cli, tempDir, writeXlsx } from "../support/cli.js";
import { buildLog } from "../support/log-fixture.js";
import { minutesDocx } from "../support/minutes-docx.js";

/** Rewrites the uncompressed size that the zip's central directory declares for word/document.xml. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = bytes.indexOf(signature); at !== -1; at = bytes.indexOf(signature, at + 4)) {
    const name = bytes.subarray(at + 46, at + 46 + bytes.readUInt16LE(at + 28)).toString();
    if (name !== "word/document.xml") continue;
    bytes.writeUInt32LE(size, at + 24);
    return new Uint8Array(bytes);
  }
  throw new Error("no word/document.xml in the central directory");
}

/** A .docx whose word/document.xml is 1 MB over the limit of zeros: a few hundred KB zipped. */
let bomb: Uint8Array;
beforeAll(async () => {
  const zip = new JSZip().file("word/document.xml", new Uint8Array(MAX_DOCUMENT_BYTES + 1024 * 1024), { compression: "DEFLATE", compressionOptions: { level: 1 } });
  bomb = await zip.generateAsync({ type: "uint8array" });
});

const refusal = async (bytes: Uint8Array, label: string) => {
  const error = await readMinutes(bytes, label).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: "ActionlogError", code: "MINUTES_UNREADABLE" });
  return (error as Error).message;
};

describe("minutes .docx zip bombs (regression: a 573 KB file unpacked to 400 MB, 2.2 GB of memory)", () => {
  it("is refused before inflating when the zip declares a document part over the limit", async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const message = await refusal(bomb, "bomb.docx");
    expect(message).toMatch(/^bomb\.docx is not a readable Word document \(its text would unpack to over 50 MB/);
  });

  it("is refused by size even when the rest of the file is real minutes, since the declared size alone decides", async () => {
    const honest = await minutesDocx(minutesDsb14Document());
    const zip = await JSZip.loadAsync(honest);
    const small = await new JSZip().file("word/document.xml", await zip.file("word/document.xml")?.async("uint8array") ?? "").generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(await refusal(declareSize(small, MAX_DOCUMENT_BYTES + 1), "minutes.docx")).toContain("over 50 MB");
  });

  it("stops inflating at the limit when the zip understates the part's size", async () => {
    const message = await refusal(declareSize(bomb, 1000), "liar.docx");
    expect(message).toContain("liar.docx is not a readable Word document (its text would unpack to over 50 MB");
  });
});

describe("actionlog import-minutes with a zip bomb", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
    await writeXlsx(join(dir, "log.xlsx"), buildLog());
  });

  it("exits 2 naming the file, as for other unreadable minutes, and leaves the log as it was", async () => {
    const path = join(dir, "bomb.docx");
    await writeFile(path, bomb);
    const before = await readFile(join(dir, "log.xlsx"));
    const result = await cli("import-minutes", path, "--sheet", join(dir, "log.xlsx"), "--meeting-date", "2026-11-11", "--json");
    expect(result.code).toBe(2);
    expect(JSON.parse(result.out)).toMatchObject({ code: "MINUTES_UNREADABLE", error: expect.stringContaining(`${path} is not a readable Word document`) });
    expect((await readFile(join(dir, "log.xlsx"))).equals(before)).toBe(true);
  });
});
