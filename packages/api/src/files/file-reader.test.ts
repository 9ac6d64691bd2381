import { MAX_COST_FILE_BYTES, parseCostFile, writeXlsx } from "@malestokk/domain";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";

import { FILE_READER_LIMITS, FileReader, type FileReaderLimits } from "./file-reader";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook whose one sheet is `sheetData` as given: hostile content the writer would never make. */
export function rawWorkbook(sheetData: string): Uint8Array {
  return zipSync(
    {
      "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(
        `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`),
    },
    { level: 9 },
  );
}

/** About 19 MB of well-formed rows in an 85 kB upload: legal, but seconds of work to read. */
export function heavyWorkbook(): Uint8Array {
  const cells = Array.from({ length: 8 }, (_, c) => `<c t="inlineStr"><is><t>Drift og forvaltning ${c}</t></is></c>`).join("");
  return rawWorkbook(`<row>${cells}</row>`.repeat(40_000));
}

const GOOD = writeXlsx([
  {
    name: "Kostnader",
    rows: [
      ["IKT-tjeneste", "Kostnadstype", "Beløp (kr)"],
      ["Brukerstøtte", "Egne ansatte", 1_200_000],
    ],
  },
]);

const readers: FileReader[] = [];
function reader(limits: Partial<FileReaderLimits> = {}): FileReader {
  const created = new FileReader({ ...FILE_READER_LIMITS, ...limits });
  readers.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(readers.splice(0).map((r) => r.close()));
});

// Starting a worker loads the domain module through tsx: seconds on a busy machine.
/** The longest the event loop was late for a 10 ms tick while `work` ran. */
async function worstLagDuring<T>(work: Promise<T>): Promise<{ worstLag: number; result: T }> {
  let worstLag = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    worstLag = Math.max(worstLag, now - last - 10);
    last = now;
  }, 10);
  const result = await work.finally(() => clearInterval(ticker));
  return { worstLag, result };
}

describe("FileReader", { timeout: 30_000 }, () => {
  it("reads a cost file in a worker exactly as the domain function does", async () => {
    const input = { bytes: GOOD, fileName: "kostnader.xlsx", systems: [] };
    expect(await reader().readCostFile(input)).toEqual(parseCostFile(input));
  });

  it("refuses 160 000 unclosed rows as damaged", async () => {
    const result = await reader().readCostFile({ bytes: rawWorkbook("<row>".repeat(160_000)), fileName: "x.xlsx", systems: [] });
    expect(result).toMatchObject({ ok: false, format: "xlsx", fileError: { code: "DAMAGED" } });
  });

  it("keeps the event loop free while a heavy file is read", { timeout: 90_000 }, async () => {
    const files = reader({ seconds: 60 });
    await files.readCostFile({ bytes: GOOD, fileName: "warm-up.xlsx", systems: [] });
    const heavy = heavyWorkbook();
    // The same ticking with nothing being read: what a busy machine adds on its own, so that the
    // bound is 100 ms beyond it (the file blocked the loop for seconds when it was read in place).
    const idle = await worstLagDuring(new Promise((resolve) => setTimeout(resolve, 1_000)));
    const { worstLag, result } = await worstLagDuring(files.readCostFile({ bytes: heavy, fileName: "heavy.xlsx", systems: [] }));
    expect(result).toMatchObject({ ok: false, fileError: { code: "MISSING_COLUMN" } });
    expect(worstLag).toBeLessThan(100 + idle.worstLag);
  });

  it("stops a file at the time limit, says so, and reads the next file with a fresh worker", { timeout: 60_000 }, async () => {
    const files = reader({ seconds: 0.3, workers: 1 });
    await files.readCostFile({ bytes: GOOD, fileName: "warm-up.xlsx", systems: [] });
    const slow = await files.readCostFile({ bytes: heavyWorkbook(), fileName: "heavy.xlsx", systems: [] });
    expect(slow).toEqual({
      ok: false,
      format: "xlsx",
      fileError: { code: "READ_TIME_LIMIT", params: { seconds: 0.3 } },
      issues: [],
      warnings: [],
    });
    const slowReader = reader({ workers: 1 });
    expect((await slowReader.readCostFile({ bytes: GOOD, fileName: "next.xlsx", systems: [] })).ok).toBe(true);
  });

  it("stops a file at the memory limit and says so", { timeout: 60_000 }, async () => {
    const files = reader({ memoryMb: 24, workers: 1 });
    const strings = Array.from({ length: 700_000 }, (_, i) => `<si><t>${String(i).padStart(24, "x")}</t></si>`).join("");
    const bytes = zipSync(
      {
        "xl/workbook.xml": strToU8(`<workbook xmlns:r="${REL}"><sheets><sheet name="Ark1" r:id="rId1"/></sheets></workbook>`),
        "xl/_rels/workbook.xml.rels": strToU8(
          `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
        "xl/worksheets/sheet1.xml": strToU8('<worksheet><sheetData><row><c t="s"><v>0</v></c></row></sheetData></worksheet>'),
        "xl/sharedStrings.xml": strToU8(`<sst>${strings}</sst>`),
      },
      { level: 9 },
    );
    const result = await files.readCostFile({ bytes, fileName: "strings.xlsx", systems: [] });
    expect(result).toMatchObject({ ok: false, fileError: { code: "READ_MEMORY_LIMIT", params: { megabytes: 24 } } });
  });

  it("refuses a file over the size limit from its size alone, without a worker (issue 18)", async () => {
    // No worker and no queue: anything that needed a worker would be turned away as SERVER_BUSY.
    const files = reader({ workers: 0, queue: 0 });
    const size = MAX_COST_FILE_BYTES + 10 * 1024 * 1024;
    expect(await files.readCostFile({ bytes: Uint8Array.of(0x50, 0x4b, 3, 4), size, fileName: "stor.xlsx", systems: [] })).toEqual({
      ok: false,
      format: "xlsx",
      fileError: { code: "FILE_TOO_LARGE", params: { bytes: size, maxBytes: MAX_COST_FILE_BYTES } },
      issues: [],
      warnings: [],
    });
    expect(await files.readCostFile({ bytes: GOOD, fileName: "k.xlsx", systems: [] })).toMatchObject({
      fileError: { code: "SERVER_BUSY" },
    });
  });

  it("hands a file in shared memory to its worker, and leaves the caller's bytes as they were", async () => {
    const files = reader();
    const inShared = new Uint8Array(new SharedArrayBuffer(GOOD.length));
    inShared.set(GOOD);
    for (const bytes of [GOOD, inShared, inShared]) {
      expect(await files.readCostFile({ bytes, fileName: "k.xlsx", systems: [] })).toMatchObject({
        ok: true,
        lines: [{ amount: 1_200_000 }],
      });
    }
    expect(GOOD.length).toBeGreaterThan(0);
    expect(inShared).toEqual(new Uint8Array(GOOD));
  });

  it("queues files beyond its workers and turns away more than its queue holds", async () => {
    const files = reader({ workers: 1, queue: 1 });
    const input = { bytes: GOOD, fileName: "k.xlsx", systems: [] };
    const results = await Promise.all([files.readCostFile(input), files.readCostFile(input), files.readCostFile(input)]);
    expect(results.map((r) => (r.ok ? "ok" : r.fileError?.code))).toEqual(["ok", "ok", "SERVER_BUSY"]);
  });
});
