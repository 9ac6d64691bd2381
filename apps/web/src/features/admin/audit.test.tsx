import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { renderApp } from "../../test/render";

type App = ReturnType<typeof renderApp>;

/** Creates Kari (finance, Bergen) through the users page, then opens the log. */
async function createUserThenOpenLog(): Promise<App> {
  const app = renderApp("/admin/brukere", { as: "admin@demo.example" });
  const form = await screen.findByRole("region", { name: "Opprett bruker" });
  fireEvent.change(within(form).getByLabelText("E-post"), { target: { value: "kari@bergen.kommune.no" } });
  fireEvent.change(within(form).getByLabelText("Navn"), { target: { value: "Kari Nordmann" } });
  fireEvent.change(within(form).getByLabelText("Rolle"), { target: { value: "finance" } });
  fireEvent.change(within(form).getByLabelText("Kommunenummer", { exact: false }), { target: { value: "4601" } });
  fireEvent.click(within(form).getByRole("button", { name: "Opprett bruker" }));
  await screen.findByRole("dialog", { name: /er opprettet/ });
  await act(() => app.router.navigate("/admin/logg"));
  await screen.findByRole("heading", { level: 1, name: "Logg" });
  return app;
}

function dataRows(table: HTMLElement): HTMLElement[] {
  return within(table).getAllByRole("row").slice(1);
}

function rowWithAction(table: HTMLElement, action: string): HTMLElement {
  const row = dataRows(table).find((r) => within(r).queryByText(action) !== null);
  if (!row) throw new Error(`no row for ${action}`);
  return row;
}

describe("admin: audit log", () => {
  it("lists the user creation in words and filters by action, keeping the filter in the URL", async () => {
    const { router } = await createUserThenOpenLog();
    expect(document.title).toBe("Logg – Målestokk");
    const table = await screen.findByRole("table", { name: "Logg, nyeste først" });
    expect(dataRows(table)).toHaveLength(2);
    const created = rowWithAction(table, "Bruker opprettet");
    const cells = within(created)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells).toEqual([
      "admin@demo.example",
      "Bruker opprettet",
      "Bergen (4601)",
      "Kari Nordmann, kari@bergen.kommune.no. Rolle Økonomi gitt for Bergen (4601).",
    ]);
    expect(within(created).getByRole("rowheader").textContent).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    expect(within(rowWithAction(table, "Passordlenke laget")).getAllByRole("cell")[2]?.textContent).toBe("–Ingen kommune");

    fireEvent.change(screen.getByLabelText("Handling"), { target: { value: "admin.userCreated" } });
    fireEvent.click(screen.getByRole("button", { name: "Bruk filter" }));
    await waitFor(() => expect(router.state.location.search).toBe("?action=admin.userCreated"));
    const filtered = await screen.findByRole("table", { name: "Logg, filtrert, nyeste først" });
    expect(dataRows(filtered)).toHaveLength(1);
    expect(within(filtered).getByText("Bruker opprettet")).toBeTruthy();
    expect(screen.getByTestId("audit-count").textContent).toBe("1 oppføring.");

    // A municipality with no entries: the empty state says what to do, and clearing brings all back.
    fireEvent.change(screen.getByLabelText("Kommunenummer", { exact: false }), { target: { value: "5001" } });
    fireEvent.click(screen.getByRole("button", { name: "Bruk filter" }));
    expect(await screen.findByText(/Ingen oppføringer passer filteret/)).toBeTruthy();
    expect(router.state.location.search).toBe("?action=admin.userCreated&municipality=5001");
    const clearButtons = screen.getAllByRole("button", { name: "Nullstill filter" });
    fireEvent.click(clearButtons.at(-1) ?? clearButtons[0] ?? document.body);
    await waitFor(() => expect(router.state.location.search).toBe(""));
    expect(dataRows(await screen.findByRole("table", { name: "Logg, nyeste først" }))).toHaveLength(2);
    expect(screen.getByLabelText<HTMLSelectElement>("Handling").value).toBe("");
  });

  it("reads the filter from the URL and filters by actor and by date", async () => {
    const { router } = await createUserThenOpenLog();
    await act(() => router.navigate("/admin/logg?actor=board&action=admin.userCreated"));
    expect(await screen.findByText(/Ingen oppføringer passer filteret/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Utført av (e-post)").value).toBe("board");
    expect(screen.getByLabelText<HTMLSelectElement>("Handling").value).toBe("admin.userCreated");

    await act(() => router.navigate("/admin/logg?actor=admin%40demo"));
    expect(dataRows(await screen.findByRole("table", { name: "Logg, filtrert, nyeste først" }))).toHaveLength(2);

    const today = new Date();
    const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
    await act(() => router.navigate(`/admin/logg?from=${day(tomorrow)}`));
    expect(await screen.findByText(/Ingen oppføringer passer filteret/)).toBeTruthy();
    await act(() => router.navigate(`/admin/logg?from=${day(today)}&to=${day(today)}`));
    expect(dataRows(await screen.findByRole("table", { name: "Logg, filtrert, nyeste først" }))).toHaveLength(2);
  });

  it("explains filter mistakes next to the field and keeps the old filter", async () => {
    const { router } = renderApp("/admin/logg?municipality=46&from=2024-02-30", { as: "admin@demo.example" });
    // Values that are not valid in the URL are ignored, not sent.
    expect(await screen.findByText(/Loggen er tom/)).toBeTruthy();
    const municipality = screen.getByLabelText<HTMLInputElement>("Kommunenummer", { exact: false });
    expect(municipality.value).toBe("");
    fireEvent.change(municipality, { target: { value: "46" } });
    fireEvent.change(screen.getByLabelText("Fra og med dato"), { target: { value: "2024-05-02" } });
    fireEvent.change(screen.getByLabelText("Til og med dato"), { target: { value: "2024-05-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Bruk filter" }));
    await waitFor(() => expect(municipality.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("Kommunenummeret har fire sifre, for eksempel 4601.")).toBeTruthy();
    expect(screen.getByText("Til-datoen kan ikke være før fra-datoen.")).toBeTruthy();
    expect(router.state.location.search).toBe("?municipality=46&from=2024-02-30");
  });

  it("says what fills an empty log", async () => {
    renderApp("/admin/logg", { as: "admin@demo.example" });
    expect(await screen.findByText("Loggen er tom. Den fylles når noen logger inn, endrer tall eller administrerer brukere.")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Last ned CSV" }).disabled).toBe(true);
  });

  it("exports the current filter as CSV for Norwegian Excel", async () => {
    await createUserThenOpenLog();
    await screen.findByRole("table", { name: "Logg, nyeste først" });
    let blob: Blob | null = null;
    vi.spyOn(URL, "createObjectURL").mockImplementation((b) => {
      blob = b as Blob;
      return "blob:audit";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "Last ned CSV" }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(/^malestokk-logg-\d{4}-\d{2}-\d{2}\.csv$/);
    if (blob === null) throw new Error("no CSV");
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("Tid (UTC);Utført av;Handling;Handlingskode;Kommune;Detaljer;IP-adresse");
    expect(lines).toHaveLength(4); // header, two entries, and the final line end
    // The details hold commas, so they are quoted: the file reads the same whichever delimiter Excel expects.
    expect(lines.find((l) => l.includes("admin.userCreated"))).toMatch(
      /^\d{4}-\d{2}-\d{2}T[\d:.]+Z;admin@demo\.example;Bruker opprettet;admin\.userCreated;Bergen \(4601\);"Kari Nordmann, kari@bergen\.kommune\.no\. Rolle Økonomi gitt for Bergen \(4601\)\.";/,
    );
  });

  it("tells a non-administrator that the page is for administrators only", async () => {
    renderApp("/admin/logg", { as: "secretariat@demo.example" });
    expect((await screen.findByTestId("admin-forbidden")).textContent).toContain("Bare administratorer har tilgang");
    expect(screen.queryByRole("button", { name: "Bruk filter" })).toBeNull();
  });
});
