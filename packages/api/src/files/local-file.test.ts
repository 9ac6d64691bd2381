import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { readLocalFile } from "./local-file";

const dir = mkdtempSync(join(tmpdir(), "malestokk-local-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readLocalFile", () => {
  it("reads a file within the limit whole, into memory a worker can share", async () => {
    const path = join(dir, "k.csv");
    writeFileSync(path, "IKT-tjeneste;Beløp\r\n");
    const { bytes, size } = await readLocalFile(path, 100);
    expect(size).toBe(21);
    expect(bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(bytes).toString("utf8")).toBe("IKT-tjeneste;Beløp\r\n");
  });

  it("reads only the first bytes of a file over the limit, enough to tell what it is", async () => {
    const path = join(dir, "stor.xlsx");
    writeFileSync(path, Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(1_000)]));
    const { bytes, size } = await readLocalFile(path, 100);
    expect(size).toBe(1_004);
    expect([...bytes]).toEqual([0x50, 0x4b, 3, 4, 0, 0, 0, 0]);
  });
});
