import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

async function openTable() {
  fireEvent.click(await screen.findByRole("radio", { name: "Tabell" }));
  return screen.findByRole("table", { name: /IKT-kostnad per innbygger, Stavanger/ });
}

function rowFor(table: HTMLElement, year: number) {
  const header = within(table).getByRole("rowheader", { name: String(year) });
  const row = header.closest("tr");
  if (!row) throw new Error("row missing");
  return row;
}

describe("municipality page: K1 and the cost form", () => {
  it("shows K1 in a table and updates it when a corrected cost is saved", async () => {
    const { router } = renderApp("/kommune/1103?year=2024", { as: "finance.1103@demo.example" });
    expect(await screen.findByRole("heading", { level: 1, name: "Stavanger" })).toBeTruthy();
    const table = await openTable();
    expect(router.state.location.search).toContain("k1View=table");

    const yearSelect = await screen.findByLabelText<HTMLSelectElement>("År");
    expect(yearSelect.value).toBe("2024");
    const amount = screen.getByLabelText<HTMLInputElement>("Samlede IKT-kostnader (kr)");
    await waitFor(() => expect(amount.value).not.toBe(""));

    // Stavanger's demo population for 2024 makes 149 048 × 1.0 ≈ the denominator; pick a round K1.
    const ownBefore = within(rowFor(table, 2024)).getAllByRole("cell")[0]?.textContent;
    fireEvent.change(amount, { target: { value: "600 000 000" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre" }));
    expect((await screen.findByTestId("cost-saved")).textContent).toMatch(/600\s000\s000\skr for 2024/);
    await waitFor(() => {
      const ownAfter = within(rowFor(screen.getByRole("table", { name: /IKT-kostnad per innbygger, Stavanger/ }), 2024)).getAllByRole("cell")[0]
        ?.textContent;
      expect(ownAfter).not.toBe(ownBefore);
      // The entered figure is a draft until approved, and says so.
      expect(ownAfter).toMatch(/^4\s\d{3}\skr \(utkast\)$/);
    });
  });

  it.each([
    ["-5", "Beløpet kan ikke være negativt."],
    ["tolv", "Beløpet må være et tall, for eksempel 12 500 000."],
    ["12,50", "Skriv beløpet i hele kroner, uten øre."],
    ["999 999 999 999", "Beløpet er urimelig stort (over 20 000 000 000 kr). Sjekk om det har et siffer for mye."],
  ])("explains bad input %j next to the field and saves nothing", async (input, message) => {
    renderApp("/kommune/1103?year=2024", { as: "finance.1103@demo.example" });
    const amount = await screen.findByLabelText<HTMLInputElement>("Samlede IKT-kostnader (kr)");
    await waitFor(() => expect(amount.value).not.toBe(""));
    const before = screen.getByTestId("cost-current").textContent;
    fireEvent.change(amount, { target: { value: input } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre" }));
    const described = await waitFor(() => {
      const id = amount.getAttribute("aria-describedby") ?? "";
      const text = id
        .split(" ")
        .map((part) => document.getElementById(part)?.textContent ?? "")
        .join(" ");
      expect(text.replace(/\u00a0/g, " ")).toContain(message.replace(/\u00a0/g, " "));
      return text;
    });
    expect(described).toBeTruthy();
    expect(amount.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("cost-current").textContent).toBe(before);
    expect(screen.queryByTestId("cost-saved")).toBeNull();
  });

  it("shows a server-side rule (implausible per inhabitant) in English next to the field", async () => {
    renderApp("/kommune/1151?year=2024", { language: "en", as: "admin@demo.example" });
    const amount = await screen.findByLabelText<HTMLInputElement>("Total IT cost (NOK)");
    await waitFor(() => expect(amount.value).not.toBe(""));
    fireEvent.change(amount, { target: { value: "900000000" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const summary = await screen.findByTestId("cost-error-summary");
    expect(summary.textContent).toMatch(/NOK per inhabitant, which is not plausible/);
    expect(amount.getAttribute("aria-invalid")).toBe("true");
  });

  it("shows a manager the figures read-only", async () => {
    renderApp("/kommune/1103?year=2024", { as: "manager.1103@demo.example" });
    const amount = await screen.findByLabelText<HTMLInputElement>("Samlede IKT-kostnader (kr)");
    expect(amount.readOnly).toBe(true);
    expect(screen.queryByRole("button", { name: "Lagre" })).toBeNull();
    expect(screen.getByText(/bare økonomi i kommunen kan endre dem/)).toBeTruthy();
  });

  it("shows another municipality's staff approved K1 but no cost figures", async () => {
    renderApp("/kommune/1103", { as: "finance.5001@demo.example" });
    expect(await screen.findByTestId("cost-no-access")).toBeTruthy();
    expect(screen.queryByLabelText("Samlede IKT-kostnader (kr)")).toBeNull();
    expect(await screen.findByRole("heading", { level: 2, name: "IKT-kostnad per innbygger" })).toBeTruthy();
  });

  it("says so when the municipality does not exist", async () => {
    renderApp("/kommune/9999", { as: "board@demo.example" });
    expect(await screen.findByText("Fant ingen kommune med nummer 9999.")).toBeTruthy();
  });
});
