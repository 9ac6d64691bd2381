import { Button, Heading, Paragraph, ToggleGroup } from "@digdir/designsystemet-react";
import { startTransition, Suspense, useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { flushSync } from "react-dom";
import { useTranslation } from "react-i18next";

import { useHasDemoData } from "../lib/demo";
import { useUrlState } from "../lib/url-state";
import { tableToCsv } from "./csv";
import { DataTable, type TableColumn } from "./data-table";
import { CSV_MIME_TYPE, downloadFile } from "./download";
import { chartPicture, exportFacts, type ExportAbout, type ExportContext, type LegendEntry } from "./export-about";
import { useExportTexts } from "./export-texts";
import { sheetName } from "./sheet-names";

export interface TableData {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Cell text per column key, already formatted for display. */
  readonly rows: readonly Record<string, string>[];
  /** The same cells for CSV: plain numbers with decimal comma. */
  readonly csvRows: readonly Record<string, string>[];
}

// The workbook writer (with its zip library) and the PNG drawing load on the first click, not with the page.
const loadExports = () => import("./export-chart");

const VIEWS = ["chart", "table"] as const;
type View = (typeof VIEWS)[number];

/** The legend recharts drew (HTML beside the SVG), so that the PNG can draw it too. */
function drawnLegend(figure: HTMLElement): LegendEntry[] {
  return Array.from(figure.querySelectorAll(".recharts-legend-item"), (item) => {
    const text = item.querySelector<HTMLElement>(".recharts-legend-item-text");
    const shape = item.querySelector("svg path, svg line, svg rect, svg circle");
    const color =
      [shape?.getAttribute("fill"), shape?.getAttribute("stroke")].find((c) => c && c !== "none") ?? text?.style.color ?? "#1a1a1a";
    return { label: text?.textContent?.trim() ?? "", color };
  }).filter((entry) => entry.label !== "");
}

/** Arrow keys choose the next or previous view, as in a radio group (the focus group only moves focus). */
const ARROW_STEPS: Partial<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Names the chart's focusable surface (recharts' `role="application"` SVG) by the block's heading
 * (WCAG 4.1.2). Recharts draws the SVG only once it knows its size, and may draw it anew, so the
 * figure is watched until it goes.
 */
function useChartName(figure: RefObject<HTMLElement | null>, headingId: string, view: View): void {
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    const name = () => {
      for (const svg of element.querySelectorAll('svg[role="application"]:not([aria-labelledby])'))
        svg.setAttribute("aria-labelledby", headingId);
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [figure, headingId, view]);
}

/** How near the screen a figure comes before its chart is drawn, so it is mostly there when scrolled to. */
const DRAW_MARGIN = "100px 0px";

/**
 * Whether the figure has come near the screen once (issue 21: recharts' scripts and layout work wait
 * until a chart can be seen, so the first screen is ready sooner). True at once when `isDeferred` is
 * false or the browser cannot tell; once true it stays so, and the drawing is a transition, so typing
 * or scrolling is not held up by it.
 */
export function useHasBeenSeen(figure: RefObject<HTMLElement | null>, isDeferred: boolean, view?: View): boolean {
  // On the server (ADR 041) nothing has been seen: the page is drawn as the browser's first render draws it.
  const [seen, setSeen] = useState(() => !isDeferred || (typeof window !== "undefined" && typeof IntersectionObserver === "undefined"));
  useEffect(() => {
    const element = figure.current;
    if (seen || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setSeen(true));
      },
      { rootMargin: DRAW_MARGIN },
    );
    observer.observe(element);
    // A printed page shows every chart: draw them before the browser lays the page out for paper.
    const drawForPrint = () => flushSync(() => setSeen(true));
    window.addEventListener("beforeprint", drawForPrint);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", drawForPrint);
    };
  }, [figure, seen, view]);
  return seen;
}

/**
 * Every chart has a table twin and exports (docs/style.md#web, WCAG 1.1.1): CSV and Excel that say
 * what the figures are (the sheet «Om tallene», the CSV's first lines), and a PNG with title, unit,
 * year, group, legend, source and demo marking.
 */
export function ChartWithTable(props: {
  id: string;
  title: string;
  /** What the figures are, for the exports; title, source, time, licence and demo marking come anyway. */
  about?: ExportAbout;
  /** The legend for the PNG, when the chart shows none (the one it shows is taken from the page). */
  legend?: readonly LegendEntry[];
  /** The table's sheet name in Excel, at most 31 characters (by default the title, cut between words). */
  sheetName?: string;
  description?: ReactNode;
  /** Filters shown above the chart and table, e.g. the peer-group picker. */
  controls?: ReactNode;
  chart: ReactNode;
  table: TableData;
  csvFileName: string;
  /** False for a chart drawn without recharts (no SVG to picture): no PNG button. */
  png?: boolean;
  /** The SVG the PNG pictures, for a chart recharts does not draw (the map); recharts' surface by default. */
  surface?: string;
  /**
   * The chart's height in pixels. Given, the chart (and the lazy module that draws it) waits until the figure
   * comes near the screen, and a blank block of this height holds its room until then (CLS stays 0).
   */
  reserve?: number;
}) {
  useExportTexts();
  const { t, i18n } = useTranslation();
  const hasDemoData = useHasDemoData();
  const [view, setView] = useUrlState<View>(`${props.id}View`, "chart", (raw) =>
    (VIEWS as readonly string[]).includes(raw) ? (raw as View) : null,
  );
  const headingId = `${props.id}-heading`;
  const figure = useRef<HTMLElement>(null);
  useChartName(figure, headingId, view);
  const seen = useHasBeenSeen(figure, props.reserve !== undefined, view);
  const placeholder = <div className="chart-with-table__reserve" style={{ height: props.reserve }} aria-hidden="true" />;
  const chooseByArrow = (event: KeyboardEvent) => {
    const step = ARROW_STEPS[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    setView(VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length] ?? view);
  };
  const about = props.about ?? {};
  const context = (): ExportContext => ({
    title: props.title,
    about,
    language: i18n.language === "en" ? "en" : "nb",
    demo: about.demo ?? hasDemoData,
    now: new Date(),
    address: window.location.href,
  });
  const fileName = (extension: string) => props.csvFileName.replace(/\.csv$/, `.${extension}`);
  return (
    <section className="chart-with-table" aria-labelledby={headingId}>
      <div className="chart-with-table__header">
        <Heading level={2} data-size="sm" id={headingId}>
          {props.title}
        </Heading>
        <div className="chart-with-table__controls">
          <ToggleGroup
            data-size="sm"
            value={view}
            onChange={(value) => setView(value as View)}
            onKeyDown={chooseByArrow}
            aria-label={t("chart.view")}
          >
            <ToggleGroup.Item value="chart">{t("chart.chart")}</ToggleGroup.Item>
            <ToggleGroup.Item value="table">{t("chart.table")}</ToggleGroup.Item>
          </ToggleGroup>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() =>
              downloadFile(
                props.csvFileName,
                tableToCsv(props.table.columns, props.table.csvRows, exportFacts(t, context())),
                CSV_MIME_TYPE,
              )
            }
          >
            {t("chart.downloadCsv")}
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() =>
              void loadExports().then(({ tableToXlsx, XLSX_MIME_TYPE }) =>
                downloadFile(
                  fileName("xlsx"),
                  tableToXlsx(props.table, {
                    sheetName: sheetName(t, "about"),
                    facts: exportFacts(t, context()),
                    tableSheetName: props.sheetName ?? props.title,
                  }),
                  XLSX_MIME_TYPE,
                ),
              )
            }
          >
            {t("chart.downloadXlsx")}
          </Button>
          {view === "chart" && props.png !== false && (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                const svg = figure.current?.querySelector(props.surface ?? "svg.recharts-surface");
                if (!(svg instanceof SVGSVGElement) || !figure.current) return;
                const picture = chartPicture(t, context(), props.legend ?? drawnLegend(figure.current));
                void loadExports()
                  .then(({ chartToPng }) => chartToPng(svg, picture))
                  .then((png) => downloadFile(fileName("png"), png, "image/png"));
              }}
            >
              {t("chart.downloadPng")}
            </Button>
          )}
        </div>
      </div>
      {props.controls}
      {props.description && <Paragraph data-size="sm">{props.description}</Paragraph>}
      {view === "chart" ? (
        <figure ref={figure} className="chart-with-table__figure" aria-label={t("chart.chartLabel", { title: props.title })}>
          {props.reserve === undefined ? props.chart : seen ? <Suspense fallback={placeholder}>{props.chart}</Suspense> : placeholder}
        </figure>
      ) : (
        <DataTable caption={props.table.caption} columns={props.table.columns} rows={props.table.rows} zebra size="sm" />
      )}
    </section>
  );
}
