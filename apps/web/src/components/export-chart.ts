import { writeXlsx } from "@malestokk/domain";

import type { TableData } from "./chart-with-table";

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

/** A chart's table as a workbook: numeric columns as numbers, so Excel can sum and chart them. */
export function tableToXlsx(title: string, table: TableData): Uint8Array {
  const header = table.columns.map((c) => c.header);
  const rows = table.csvRows.map((row) =>
    table.columns.map((c) => {
      const raw = row[c.key] ?? "";
      if (c.numeric && /^-?\d+(,\d+)?$/.test(raw)) return Number(raw.replace(",", "."));
      return raw === "" ? null : raw;
    }),
  );
  return writeXlsx([{ name: title, rows: [header, ...rows] }]);
}

/**
 * The chart as a PNG: its SVG drawn on a canvas at twice the size, on white. The SVG goes in as a
 * data: URL, which the Content-Security-Policy's img-src allows.
 */
export async function svgToPng(svg: SVGSVGElement): Promise<Uint8Array> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const data = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the chart could not be drawn"));
    image.src = data;
  });
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no canvas");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("no image");
  return new Uint8Array(await blob.arrayBuffer());
}
