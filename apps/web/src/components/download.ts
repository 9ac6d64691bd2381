/** The media type of our CSV files; the workbook's is the domain's XLSX_MIME_TYPE. */
export const CSV_MIME_TYPE = "text/csv;charset=utf-8";
export const TEXT_MIME_TYPE = "text/plain;charset=utf-8";

/** Hands content to the browser as a file download. */
export function downloadFile(fileName: string, content: string | Uint8Array, type: string): void {
  // A copy into a plain ArrayBuffer: Blob does not take views of shared memory.
  const part = typeof content === "string" ? content : new Uint8Array(content).buffer;
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // Let the browser start the download before the address is withdrawn.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
