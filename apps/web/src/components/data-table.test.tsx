import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { DataTable, type DataColumn } from "./data-table";

interface Unit {
  readonly number: string;
  readonly name: string;
  readonly amount: string;
}

const ROWS: readonly Unit[] = [
  { number: "0301", name: "Oslo", amount: "1 200" },
  { number: "4601", name: "Bergen", amount: "800" },
];

const COLUMNS: readonly DataColumn<Unit>[] = [
  { key: "name", header: "Kommune" },
  { key: "amount", header: "Beløp", numeric: true },
  { key: "number", header: "Handlinger", hideHeader: true, render: (row) => <a href={`/kommune/${row.number}`}>Åpne {row.name}</a> },
];

describe("DataTable", () => {
  it("names the table by its caption and its scroll region by the caption too", () => {
    render(<DataTable caption="Kostnader per kommune" columns={COLUMNS} rows={ROWS} />);
    const table = screen.getByRole("table", { name: "Kostnader per kommune" });
    const region = screen.getByRole("region", { name: "Kostnader per kommune" });
    expect(region.contains(table)).toBe(true);
    expect(region.getAttribute("tabindex")).toBe("0");
    expect(table.querySelector("caption")?.className ?? "").not.toContain("visually-hidden");
  });

  it("hides a caption visually when asked, and names the region apart when asked", () => {
    render(<DataTable caption="Kostnader" captionHidden scrollLabel="Alle kostnader" columns={COLUMNS} rows={ROWS} />);
    const table = screen.getByRole("table", { name: "Kostnader" });
    expect(table.querySelector("caption")?.className).toContain("visually-hidden");
    expect(screen.getByRole("region", { name: "Alle kostnader" })).toBeTruthy();
  });

  it("gives column headers scope col and the first column's cells scope row", () => {
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} />);
    const headers = screen.getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Kommune", "Beløp", "Handlinger"]);
    expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
    const rowHeaders = screen.getAllByRole("rowheader");
    expect(rowHeaders.map((h) => [h.textContent, h.getAttribute("scope")])).toEqual([
      ["Oslo", "row"],
      ["Bergen", "row"],
    ]);
  });

  it("puts the row header on the column it is told, or on none", () => {
    const { unmount } = render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} rowHeader="amount" />);
    expect(screen.getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["1 200", "800"]);
    unmount();
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} rowHeader={false} />);
    expect(screen.queryAllByRole("rowheader")).toEqual([]);
  });

  it("aligns numeric columns, header and cells, and only those", () => {
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} />);
    const table = screen.getByRole("table");
    expect(table.className).toContain("data-table");
    const numeric = Array.from(table.querySelectorAll(".numeric"), (cell) => cell.textContent);
    expect(numeric).toEqual(["Beløp", "1 200", "800"]);
  });

  it("hides a header visually but keeps it for screen readers", () => {
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} />);
    const header = screen.getByRole("columnheader", { name: "Handlinger" });
    expect(header.querySelector(".visually-hidden")?.textContent).toBe("Handlinger");
  });

  it("renders cells that are more than text", () => {
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={ROWS} />);
    const row = screen.getByRole("row", { name: /Bergen/ });
    expect(within(row).getByRole("link", { name: "Åpne Bergen" }).getAttribute("href")).toBe("/kommune/4601");
  });

  it("passes a column's cell attributes and keeps its numeric class", () => {
    const columns: readonly DataColumn<Unit>[] = [
      { key: "name", header: "Kommune" },
      { key: "amount", header: "Beløp", numeric: true, cellProps: (row) => ({ className: "wide", "data-scope": row.number }) },
    ];
    render(<DataTable caption="Kostnader" columns={columns} rows={ROWS} />);
    const cell = screen.getByRole("cell", { name: "800" });
    expect(cell.className).toContain("numeric");
    expect(cell.className).toContain("wide");
    expect(cell.getAttribute("data-scope")).toBe("4601");
  });

  it("shows the empty state instead of an empty table, with what to do next", () => {
    render(
      <DataTable
        caption="Kostnader"
        columns={COLUMNS}
        rows={[]}
        empty="Ingen kostnader ennå."
        emptyAction={<button type="button">Legg til</button>}
      />,
    );
    expect(screen.queryByRole("table")).toBeNull();
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("Ingen kostnader ennå.");
    expect(within(status).getByRole("button", { name: "Legg til" })).toBeTruthy();
  });

  it("shows an empty table when it has no empty text", () => {
    render(<DataTable caption="Kostnader" columns={COLUMNS} rows={[]} />);
    expect(screen.getByRole("table", { name: "Kostnader" }).querySelectorAll("tbody tr")).toHaveLength(0);
  });

  it("keys, marks and passes attributes to rows, and shows totals in the footer", () => {
    render(
      <DataTable
        caption="Kostnader"
        columns={COLUMNS}
        rows={ROWS}
        rowKey={(row) => row.number}
        rowProps={(row) => ({ "data-testid": `unit-${row.number}` })}
        footer={[{ name: "Sum", amount: "2 000" }]}
        zebra
        size="sm"
        className="admin-table"
        testId="units"
      />,
    );
    const table = screen.getByTestId("units");
    expect(table.className).toContain("admin-table");
    expect(table.getAttribute("data-size")).toBe("sm");
    expect(within(screen.getByTestId("unit-0301")).getByRole("rowheader").textContent).toBe("Oslo");
    const footer = table.querySelector("tfoot");
    expect(footer).not.toBeNull();
    const total = within(footer as HTMLElement).getByRole("rowheader");
    expect(total.textContent).toBe("Sum");
    expect(footer?.querySelector("td.numeric")?.textContent).toBe("2 000");
  });
});
