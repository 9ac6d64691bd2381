import { PERMISSIONS } from "@malestokk/domain";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

function cellFor(table: HTMLElement, permission: string, role: string): string {
  const headers = within(table)
    .getAllByRole("columnheader")
    .map((h) => h.textContent);
  const column = headers.indexOf(role);
  if (column < 0) throw new Error(`no column ${role}`);
  const row = within(table).getByRole("rowheader", { name: permission }).closest("tr");
  if (!row) throw new Error(`no row ${permission}`);
  return row.children[column]?.textContent ?? "";
}

describe("admin: permission matrix", () => {
  it("shows in words that finance may edit costs in its own organisation only", async () => {
    renderApp("/admin/tilganger", { as: "admin@demo.example" });
    const table = await screen.findByRole("table", { name: "Tilganger per rolle" });
    expect(screen.getByRole("heading", { level: 1, name: "Tilganger" })).toBeTruthy();
    expect(document.title).toBe("Tilganger – Målestokk");

    expect(cellFor(table, "Endre kostnader", "Økonomi")).toBe("Egen organisasjon");
    expect(cellFor(table, "Endre kostnader", "Administrator")).toBe("Ja");
    // "–" is shown, and a screen reader hears "Nei".
    expect(cellFor(table, "Endre kostnader", "Programstyret")).toBe("–Nei");
    expect(cellFor(table, "Endre kostnader", "Hva den gir")).toBe("Registrere og rette kommunens IKT-kostnader.");
    expect(cellFor(table, "Se kostnadstall", "Programstyret")).toBe("Ja");
    expect(cellFor(table, "Se kommuneregisteret", "Ledelse")).toBe("Ja");
    expect(cellFor(table, "Administrere brukere", "Ledelse")).toBe("–Nei");
    // Every permission has a row and every role a column.
    expect(within(table).getAllByRole("rowheader")).toHaveLength(PERMISSIONS.length);
    expect(cellFor(table, "Godkjenne gevinstplaner", "Ledelse")).toBe("Egen organisasjon");
    expect(cellFor(table, "Godkjenne kostnadsrapporten", "Ledelse")).toBe("Egen organisasjon");
    expect(within(table).getAllByRole("columnheader")).toHaveLength(2 + 6);
  });

  it("is in English when the user has chosen English", async () => {
    renderApp("/admin/tilganger", { as: "admin@demo.example", language: "en" });
    const table = await screen.findByRole("table", { name: "Access per role" });
    expect(cellFor(table, "Edit costs", "Finance")).toBe("Own organisation");
  });

  it("tells a non-administrator that the page is for administrators only", async () => {
    renderApp("/admin/tilganger", { as: "finance.4601@demo.example" });
    expect((await screen.findByTestId("admin-forbidden")).textContent).toContain("Bare administratorer");
    expect(screen.queryByRole("table")).toBeNull();
  });
});
