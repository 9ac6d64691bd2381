import { open } from "node:fs/promises";

/** Enough of a file to tell a workbook (a zip) from text, and an old .xls from either. */
const MAGIC_BYTES = 8;

export interface LocalFile {
  /**
   * The whole file in shared memory, so that the file reader hands it to its worker without a copy;
   * or only its first bytes when it is over the limit, enough to say what kind of file it is.
   */
  readonly bytes: Uint8Array;
  /** The size on disk. */
  readonly size: number;
}

/**
 * Reads a file from disk for `FileReader.readCostFile` (the CLI): a file over `maxBytes` is not
 * read beyond its first bytes, since it is refused from its size anyway (issue 18: a 60 MB file took
 * 443 MB of memory to refuse).
 */
export async function readLocalFile(path: string, maxBytes: number): Promise<LocalFile> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const length = size > maxBytes ? Math.min(size, MAGIC_BYTES) : size;
    const bytes = new Uint8Array(new SharedArrayBuffer(length));
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(bytes, filled, length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), size };
  } finally {
    await handle.close();
  }
}
