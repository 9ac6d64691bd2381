import type { RouterOutputs } from "@malestokk/api";
import type { BenefitMap } from "@malestokk/domain";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";

import { downloadFile } from "../../components/download";
import { createI18n } from "../../lib/i18n";
import en from "../../locales/en.json";
import { renderWithApp } from "../../test/render";
import { BenefitChart } from "./benefit-chart";
import { BenefitMapDiagram } from "./benefit-map";

// The real CSV text, caught before the browser download (happy-dom has no object URLs to click).
vi.mock(import("../../components/download"), async (importOriginal) => ({ ...(await importOriginal()), downloadFile: vi.fn() }));

type Benefit = RouterOutputs["benefits"]["project"]["benefits"][number];

function renderWith(ui: ReactNode, language: "nb" | "en" = "nb") {
  const i18n = createI18n({ en });
  if (language === "en") void i18n.changeLanguage("en");
  return render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter>{ui}</MemoryRouter>
    </I18nextProvider>,
  );
}

function benefit(measurements: Benefit["measurements"], linkedIndicatorCode: string | null = null): Benefit {
  return {
    id: 7,
    projectId: 1,
    title: "Færre ventende saker",
    description: null,
    ownerName: "Leder saksbehandling",
    ownerUserId: null,
    type: "efficiency",
    valuation: "unpriced",
    annualValueNok: null,
    cash: false,
    quantitative: true,
    disBenefit: false,
    indicator: { name: "Saker som venter over 30 dager", unit: "%", direction: "lower", method: null, frequency: "halfYearly" },
    linkedIndicatorCode,
    baseline: { value: 40, date: "2025-01-01" },
    targets: [
      { value: 20, date: "2026-12-31" },
      { value: 30, date: "2025-12-31" },
    ],
    preconditionKeys: [],
    goalKeys: [],
    measurements,
    isDemo: false,
    version: 1,
    updatedAt: "2025-07-01T10:00:00.000Z",
    summary: { status: "onTrack", nextDue: "2025-12-30", overdue: false, realizedShare: 0.2, expectedNok: 0, realizedNok: 0 },
    latest: null,
  };
}

const MEASURED: Benefit["measurements"] = [
  {
    id: 1,
    value: 36,
    date: "2025-06-30",
    comment: "Etter ny rutine",
    recordedByName: "Kari",
    recordedAt: "2025-07-01T10:00:00.000Z",
    source: "manual",
  },
  { id: 2, value: 27, date: "2026-06-30", comment: null, recordedByName: "Kari", recordedAt: "2026-07-01T10:00:00.000Z", source: "manual" },
];
// A benefit tied to a benchmark indicator takes its measurements from the approved reports.
const LINKED: Benefit["measurements"] = [
  { id: null, value: 36, date: "2025-06-30", comment: null, recordedByName: null, recordedAt: null, source: "indicator" },
];

const cells = (row: HTMLElement) => [...row.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s/g, " "));

describe("BenefitChart", () => {
  it("lists baseline, targets and measurements by date in its table twin, with the planned value on each date", () => {
    renderWithApp(<BenefitChart benefit={benefit(MEASURED)} language="nb" />);
    expect(screen.getByRole("heading", { name: "Planlagt og målt: Færre ventende saker" })).toBeTruthy();
    expect(screen.getByRole("figure", { name: /Planlagt og målt: Færre ventende saker/ })).toBeTruthy();
    expect(screen.queryByText(/Ingen målinger ennå/)).toBeNull();

    fireEvent.click(screen.getByRole("radio", { name: "Tabell" }));
    const table = screen.getByRole("table", { name: "Planlagt og målt: Færre ventende saker" });
    const [head, ...rows] = within(table).getAllByRole("row");
    expect(cells(head as HTMLElement)).toEqual(["Dato", "Planlagt", "Målt", "Hva", "Kommentar"]);
    // 2025-06-30 lies 180 of the 364 days towards the first target: 40 − 10 × 180/364 ≈ 35,05.
    // 2026-06-30 lies 181 of the 365 days from 30 towards 20: ≈ 25,04.
    expect(rows.map((r) => cells(r))).toEqual([
      ["01.01.2025", "40 %", "", "Nullpunkt", ""],
      ["30.06.2025", "35,1 %", "36 %", "Måling", "Etter ny rutine"],
      ["31.12.2025", "30 %", "", "Mål", ""],
      ["30.06.2026", "25 %", "27 %", "Måling", ""],
      ["31.12.2026", "20 %", "", "Mål", ""],
    ]);
  });

  it("writes kroner whole with a no-break space, and keeps øre where they matter (issue 20, point 8)", () => {
    const plain = benefit([
      {
        id: 1,
        value: 41_250_000.75,
        date: "2025-06-30",
        comment: null,
        recordedByName: "Kari",
        recordedAt: "2025-07-01T10:00:00.000Z",
        source: "manual",
      },
    ]);
    renderWithApp(<BenefitChart benefit={{ ...plain, indicator: { ...plain.indicator, unit: "kr" } }} language="nb" />);
    fireEvent.click(screen.getByRole("radio", { name: "Tabell" }));
    const table = screen.getByRole("table", { name: "Planlagt og målt: Færre ventende saker" });
    const measured = [...table.querySelectorAll("tbody tr")].map((r) => r.querySelectorAll("th, td")[2]?.textContent ?? "");
    expect(measured).toContain("41\u00a0250\u00a0001\u00a0kr");
    expect(table.textContent).toContain("35,05\u00a0kr");
  });

  it("exports plain numbers with a decimal comma to gevinst-<id>.csv", () => {
    renderWithApp(<BenefitChart benefit={benefit(MEASURED)} language="nb" />);
    fireEvent.click(screen.getByRole("button", { name: /CSV/ }));
    expect(vi.mocked(downloadFile)).toHaveBeenCalledTimes(1);
    const [fileName, csv] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(fileName).toBe("gevinst-7.csv");
    // What the figures are comes first, then an empty line, then the table as it always was.
    const [facts = "", table = ""] = String(csv ?? "")
      .replace("\uFEFF", "")
      .split("\r\n\r\n");
    expect(facts.split("\r\n")[0]).toBe("Tittel;Planlagt og målt: Færre ventende saker");
    expect(facts).toMatch(/^Kilde;Målestokk$/m);
    expect(table.split("\r\n")).toEqual([
      "Dato;Planlagt;Målt;Hva;Kommentar",
      "2025-01-01;40;;Nullpunkt;",
      "2025-06-30;35,05;36;Måling;Etter ny rutine",
      "2025-12-31;30;;Mål;",
      "2026-06-30;25,04;27;Måling;",
      "2026-12-31;20;;Mål;",
      "",
    ]);
  });

  it("shows the planned path and says so when nothing is measured yet", () => {
    renderWithApp(<BenefitChart benefit={benefit([])} language="nb" />);
    expect(screen.getByText("Ingen målinger ennå: grafen viser den planlagte banen.")).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Tabell" }));
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((r) => cells(r)[3])).toEqual(["Nullpunkt", "Mål", "Mål"]);
    expect(rows.map((r) => cells(r)[2])).toEqual(["", "", ""]);
  });

  it("marks measurements from approved reports as such", () => {
    renderWithApp(<BenefitChart benefit={benefit(LINKED, "S3")} language="nb" />);
    fireEvent.click(screen.getByRole("radio", { name: "Tabell" }));
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(cells(rows[1] as HTMLElement)).toEqual(["30.06.2025", "35,1 %", "36 %", "Måling fra godkjent rapport", ""]);
  });

  it("speaks English with British dates", () => {
    renderWithApp(<BenefitChart benefit={benefit(LINKED, "S3")} language="en" />, { language: "en" });
    expect(screen.getByRole("heading", { name: "Planned and measured: Færre ventende saker" })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "Table" }));
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(cells(rows[1] as HTMLElement)).toEqual(["30.06.2025", "35,1 %", "36 %", "Measurement from an approved report", ""]);
  });
});

const MAP: BenefitMap = {
  deliverables: [
    { key: "portal", label: "Ny innbyggerportal" },
    { key: "svarut", label: "SvarUt koblet til sak/arkiv" },
  ],
  preconditions: [
    { key: "rutine", label: "Ny rutine: digitalt som standard", from: ["svarut"] },
    {
      key: "opplaering",
      label: "Opplæring av alle saksbehandlere i hele kommunen, med oppfølging gjennom hele første driftsår og evaluering",
      from: ["portal", "svarut"],
    },
  ],
  goals: [
    { key: "kostnad", label: "Lavere driftskostnader" },
    { key: "service", label: "Bedre service" },
  ],
};

const BENEFITS = [
  { id: 1, title: "Lavere portokostnader", preconditionKeys: ["rutine"], goalKeys: ["kostnad"] },
  { id: 2, title: "Raskere svar til innbyggerne", preconditionKeys: ["rutine", "opplaering"], goalKeys: ["service", "kostnad"] },
  { id: 3, title: "Ikke knyttet", preconditionKeys: [], goalKeys: [] },
];

describe("BenefitMapDiagram", () => {
  it("draws the four columns and says in text what leads to each benefit and what it serves", () => {
    renderWith(<BenefitMapDiagram map={MAP} benefits={BENEFITS} />);
    const figure = screen.getByRole("figure", { name: /Gevinstkart: leveranser gir forutsetninger/ });
    const svg = within(figure).getByRole("img", { name: "Gevinstkart med 2 leveranser, 2 forutsetninger, 3 gevinster og 2 mål." });
    const texts = [...svg.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts.slice(0, 4)).toEqual(["Leveranser", "Forutsetninger", "Gevinster", "Mål"]);
    expect(texts).toContain("Lavere portokostnader");
    // 3 deliverable → precondition edges, 3 precondition → benefit, 3 benefit → goal.
    expect(svg.querySelectorAll("line")).toHaveLength(9);
    // A long label wraps over at most three lines, the last ending in an ellipsis.
    const long = [...svg.querySelectorAll("text")].find((t) => t.textContent?.startsWith("Opplæring"));
    const lines = [...(long?.querySelectorAll("tspan") ?? [])].map((l) => l.textContent ?? "");
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith("…")).toBe(true);

    const items = within(screen.getByTestId("benefit-map-text"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "«Lavere portokostnader» bygger på: Ny rutine: digitalt som standard. Støtter: Lavere driftskostnader.",
      "«Raskere svar til innbyggerne» bygger på: Ny rutine: digitalt som standard, Opplæring av alle saksbehandlere i hele kommunen, med oppfølging gjennom hele første driftsår og evaluering. Støtter: Bedre service, Lavere driftskostnader.",
      "«Ikke knyttet» bygger på: ingen. Støtter: ingen.",
      "«Ny rutine: digitalt som standard» kommer av: SvarUt koblet til sak/arkiv.",
      "«Opplæring av alle saksbehandlere i hele kommunen, med oppfølging gjennom hele første driftsår og evaluering» kommer av: Ny innbyggerportal, SvarUt koblet til sak/arkiv.",
    ]);
  });

  it("says what to add when the map and the plan are empty", () => {
    renderWith(<BenefitMapDiagram map={{ deliverables: [], preconditions: [], goals: [] }} benefits={[]} />);
    expect(screen.getByRole("status").textContent).toBe(
      "Gevinstkartet er tomt. Legg inn leveranser, forutsetninger og mål, og knytt gevinstene til dem.",
    );
    expect(screen.queryByRole("figure")).toBeNull();
  });
});
