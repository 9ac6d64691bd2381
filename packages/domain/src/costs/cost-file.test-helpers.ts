import { writeXlsx, type XlsxWriteCell } from "../files/xlsx";
import { parseCostFile } from "./cost-file";

// What the cost file tests share: the systems a municipality has, and a file read from text or rows.

export const SYSTEMS = [
  { id: 11, name: "Visma Enterprise" },
  { id: 12, name: "Elements" },
  { id: 13, name: "Gerica" },
  { id: 14, name: "Søknadssenteret" },
  { id: 15, name: "Økonomi/lønn (Agresso)" },
] as const;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function parseText(text: string, systems: readonly { id: number; name: string }[] = SYSTEMS): ReturnType<typeof parseCostFile> {
  return parseCostFile({ bytes: utf8(text), fileName: "kostnader.csv", systems });
}

export function parseSheet(rows: readonly (readonly XlsxWriteCell[])[]): ReturnType<typeof parseCostFile> {
  return parseCostFile({
    bytes: writeXlsx([{ name: "Kostnader", rows }]),
    fileName: "kostnader.csv",
    systems: SYSTEMS,
  });
}
