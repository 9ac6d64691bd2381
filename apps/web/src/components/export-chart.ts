import interLatin400 from "@fontsource/inter/files/inter-latin-400-normal.woff2?url";
import { aboutSheet, writeXlsx, type ExportFact } from "@malestokk/domain";

// For pages that write their own workbook and load the writer on the first click (the sector dashboard).
export { writeXlsx, XLSX_MIME_TYPE } from "@malestokk/domain";

import type { TableData } from "./chart-with-table";
import type { ChartPicture } from "./export-about";

/**
 * A chart's table as a workbook: first the sheet «Om tallene» with what the figures are, then the
 * table on a sheet named for it, numeric columns as numbers so that Excel can sum and chart them.
 */
export function tableToXlsx(
  table: TableData,
  about: { sheetName: string; facts: readonly ExportFact[]; tableSheetName: string },
): Uint8Array {
  const header = table.columns.map((c) => c.header);
  const rows = table.csvRows.map((row) =>
    table.columns.map((c) => {
      const raw = row[c.key] ?? "";
      if (c.numeric && /^-?\d+(,\d+)?$/.test(raw)) return Number(raw.replace(",", "."));
      return raw === "" ? null : raw;
    }),
  );
  const columns = table.columns.map((c) => ({ width: Math.min(40, Math.max(10, c.header.length + 2)) }));
  return writeXlsx([
    aboutSheet(about.sheetName, about.facts),
    { name: about.tableSheetName, rows: [header, ...rows], headerRows: 1, columns },
  ]);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The app's font for the chart's own text. An SVG drawn as an image cannot reach the page's
 * fonts, so Inter goes into it as a data: URL; without it the text falls back to sans-serif.
 */
async function interFontFace(): Promise<string> {
  try {
    const response = await fetch(interLatin400);
    if (!response.ok) return "";
    const data = toBase64(new Uint8Array(await response.arrayBuffer()));
    return `@font-face{font-family:Inter;font-style:normal;font-weight:400;src:url(data:font/woff2;base64,${data}) format("woff2")}`;
  } catch {
    return "";
  }
}

/** The chart's SVG as an image, in Inter on white. The data: URL is what the CSP's img-src allows. */
async function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = `${await interFontFace()} svg{font-family:Inter,system-ui,sans-serif}`;
  clone.insertBefore(style, clone.firstChild);
  const data = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the chart could not be drawn"));
    image.src = data;
  });
  return image;
}

const FONT = "Inter, system-ui, sans-serif";
const PAD = 24;
const MIN_CONTENT_WIDTH = 560;
const SCALE = 2;
const TEXT = {
  title: { font: `600 20px ${FONT}`, line: 26 },
  subtitle: { font: `400 14px ${FONT}`, line: 20 },
  legend: { font: `400 13px ${FONT}`, line: 20 },
  source: { font: `400 12px ${FONT}`, line: 18 },
  demo: { font: `600 14px ${FONT}`, line: 30 },
};

/** `text` in lines no wider than `width` in the context's current font, broken between words. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (line !== "" && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * The chart as a PNG that stands on its own: a demo band when the figures are demo data, the
 * title, a line with unit, year and peer group, the chart, its legend and the source line, in the
 * app's font (Inter), drawn at twice the size on white.
 */
export async function chartToPng(svg: SVGSVGElement, picture: ChartPicture): Promise<Uint8Array> {
  const { width: chartWidth, height: chartHeight } = svg.getBoundingClientRect();
  const chart = await svgImage(svg, chartWidth, chartHeight);
  await Promise.all([document.fonts.load(TEXT.title.font), document.fonts.load(TEXT.subtitle.font)]).catch(() => undefined);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no canvas");
  const contentWidth = Math.max(Math.round(chartWidth), MIN_CONTENT_WIDTH);
  const measured = (kind: keyof typeof TEXT, text: string): string[] => {
    context.font = TEXT[kind].font;
    return text === "" ? [] : wrap(context, text, contentWidth);
  };
  const title = measured("title", picture.title);
  const subtitle = measured("subtitle", picture.subtitle);
  const source = measured("source", picture.source);
  context.font = TEXT.legend.font;
  const legendRows: { x: number; label: string; color: string }[][] = [];
  for (const entry of picture.legend) {
    const entryWidth = 18 + context.measureText(entry.label).width + 16;
    const row = legendRows.at(-1);
    const used = row?.reduce((sum, item) => sum + 18 + context.measureText(item.label).width + 16, 0) ?? 0;
    if (row && used + entryWidth <= contentWidth) row.push({ x: used, ...entry });
    else legendRows.push([{ x: 0, ...entry }]);
  }
  const demoHeight = picture.demo === null ? 0 : TEXT.demo.line + 12;
  const height =
    PAD +
    demoHeight +
    title.length * TEXT.title.line +
    subtitle.length * TEXT.subtitle.line +
    12 +
    chartHeight +
    8 +
    legendRows.length * TEXT.legend.line +
    8 +
    source.length * TEXT.source.line +
    PAD;
  const width = contentWidth + 2 * PAD;
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(height * SCALE);
  context.scale(SCALE, SCALE);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, height);
  context.textBaseline = "middle";
  let y = PAD;
  if (picture.demo !== null) {
    context.fillStyle = "#fbe08a";
    context.fillRect(PAD, y, contentWidth, TEXT.demo.line);
    context.fillStyle = "#4d3300";
    context.font = TEXT.demo.font;
    context.fillText(picture.demo, PAD + 10, y + TEXT.demo.line / 2);
    y += demoHeight;
  }
  const write = (kind: keyof typeof TEXT, lines: readonly string[], color: string) => {
    context.font = TEXT[kind].font;
    context.fillStyle = color;
    for (const line of lines) {
      context.fillText(line, PAD, y + TEXT[kind].line / 2);
      y += TEXT[kind].line;
    }
  };
  write("title", title, "#1a1a1a");
  write("subtitle", subtitle, "#3d3d3d");
  y += 12;
  context.drawImage(chart, PAD + (contentWidth - chartWidth) / 2, y, chartWidth, chartHeight);
  y += chartHeight + 8;
  context.font = TEXT.legend.font;
  for (const row of legendRows) {
    for (const item of row) {
      context.fillStyle = item.color;
      context.fillRect(PAD + item.x, y + TEXT.legend.line / 2 - 6, 12, 12);
      context.fillStyle = "#1a1a1a";
      context.fillText(item.label, PAD + item.x + 18, y + TEXT.legend.line / 2);
    }
    y += TEXT.legend.line;
  }
  y += 8;
  write("source", source, "#4d4d4d");
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("no image");
  return new Uint8Array(await blob.arrayBuffer());
}
