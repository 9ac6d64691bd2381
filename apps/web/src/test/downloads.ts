import { vi } from "vitest";

/**
 * The files the app hands the browser to download, caught where the browser would take them:
 * happy-dom has no object URLs to follow. Each entry has the file's name and its content.
 */
export function catchDownloads(): { name: string; blob: Blob }[] {
  const files: { name: string; blob: Blob }[] = [];
  let pending: Blob | null = null;
  vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
    pending = blob as Blob;
    return "blob:download";
  });
  vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    if (pending) files.push({ name: this.download, blob: pending });
  });
  return files;
}

export async function bytesOf(file: { blob: Blob } | undefined): Promise<Uint8Array> {
  if (file === undefined) throw new Error("nothing was downloaded");
  return new Uint8Array(await file.blob.arrayBuffer());
}
