import { Button, Heading, Paragraph, Table, ToggleGroup } from "@digdir/designsystemet-react";
import { useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { useUrlState } from "../lib/url-state";
import { downloadCsv, toCsv } from "./csv";
import { downloadFile, svgToPng, tableToXlsx } from "./export-chart";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
import { TableScroll } from "./table-scroll";

export interface TableColumn {
  readonly key: string;
  readonly header: string;
  readonly numeric?: boolean;
}

export interface TableData {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  /** Cell text per column key, already formatted for display. */
  readonly rows: readonly Record<string, string>[];
  /** The same cells for CSV: plain numbers with decimal comma. */
  readonly csvRows: readonly Record<string, string>[];
}

const VIEWS = ["chart", "table"] as const;
type View = (typeof VIEWS)[number];


/** Every chart has a table twin and a CSV export (docs/style.md#web, WCAG 1.1.1). */
export function ChartWithTable(props: {
  id: string;
  title: string;
  description?: ReactNode;
  /** Filters shown above the chart and table, e.g. the peer-group picker. */
  controls?: ReactNode;
  chart: ReactNode;
  table: TableData;
  csvFileName: string;
}) {
  const { t } = useTranslation();
  const [view, setView] = useUrlState<View>(`${props.id}View`, "chart", (raw) =>
    (VIEWS as readonly string[]).includes(raw) ? (raw as View) : null,
  );
  const headingId = `${props.id}-heading`;
  const figure = useRef<HTMLElement>(null);
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
            aria-label={t("chart.view")}
          >
            <ToggleGroup.Item value="chart">{t("chart.chart")}</ToggleGroup.Item>
            <ToggleGroup.Item value="table">{t("chart.table")}</ToggleGroup.Item>
          </ToggleGroup>
          <Button variant="tertiary" data-size="sm" onClick={() => downloadCsv(props.csvFileName, toCsv(props.table.columns, props.table.csvRows))}>
            {t("chart.downloadCsv")}
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={() => downloadFile(props.csvFileName.replace(/\.csv$/, ".xlsx"), tableToXlsx(props.title, props.table), XLSX_TYPE)}
          >
            {t("chart.downloadXlsx")}
          </Button>
          {view === "chart" && (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                const svg = figure.current?.querySelector("svg.recharts-surface");
                if (svg instanceof SVGSVGElement) {
                  void svgToPng(svg).then((png) => downloadFile(props.csvFileName.replace(/\.csv$/, ".png"), png, "image/png"));
                }
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
          {props.chart}
        </figure>
      ) : (
        <TableScroll label={props.table.caption}>
          <Table zebra data-size="sm" className="data-table">
            <caption>{props.table.caption}</caption>
            <Table.Head>
              <Table.Row>
                {props.table.columns.map((c) => (
                  <Table.HeaderCell key={c.key} scope="col" className={c.numeric ? "numeric" : undefined}>
                    {c.header}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {props.table.rows.map((row, i) => (
                <Table.Row key={i}>
                  {props.table.columns.map((c, j) =>
                    j === 0 ? (
                      <Table.HeaderCell key={c.key} scope="row">
                        {row[c.key]}
                      </Table.HeaderCell>
                    ) : (
                      <Table.Cell key={c.key} className={c.numeric ? "numeric" : undefined}>
                        {row[c.key]}
                      </Table.Cell>
                    ),
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
    </section>
  );
}
