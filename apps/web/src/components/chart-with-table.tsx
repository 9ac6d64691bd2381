import { Button, Heading, Paragraph, Table, ToggleGroup } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { useUrlState } from "../lib/url-state";

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

function toCsv(table: TableData): string {
  const escape = (cell: string) => (/[";\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [table.columns.map((c) => escape(c.header)).join(";")];
  for (const row of table.csvRows) lines.push(table.columns.map((c) => escape(row[c.key] ?? "")).join(";"));
  // BOM and semicolons so Norwegian Excel opens it with the right encoding and columns (U-4).
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function downloadCsv(fileName: string, table: TableData) {
  const blob = new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Every chart has a table twin and a CSV export (STYLE.md §4, WCAG 1.1.1). */
export function ChartWithTable(props: {
  id: string;
  title: string;
  description?: ReactNode;
  chart: ReactNode;
  table: TableData;
  csvFileName: string;
}) {
  const { t } = useTranslation();
  const [view, setView] = useUrlState<View>(`${props.id}View`, "chart", (raw) =>
    (VIEWS as readonly string[]).includes(raw) ? (raw as View) : null,
  );
  const headingId = `${props.id}-heading`;
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
          <Button variant="tertiary" data-size="sm" onClick={() => downloadCsv(props.csvFileName, props.table)}>
            {t("chart.downloadCsv")}
          </Button>
        </div>
      </div>
      {props.description && <Paragraph data-size="sm">{props.description}</Paragraph>}
      {view === "chart" ? (
        <figure className="chart-with-table__figure" aria-label={t("chart.chartLabel", { title: props.title })}>
          {props.chart}
        </figure>
      ) : (
        <div className="table-scroll">
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
        </div>
      )}
    </section>
  );
}
