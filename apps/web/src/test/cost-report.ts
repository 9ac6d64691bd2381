import { getCostReport, getMunicipalityByNumber, saveCostReport, type Db } from "@malestokk/db";
import type { CostLine } from "@malestokk/domain";
import { fireEvent, screen, within } from "@testing-library/react";

/** The cost report tests' steps, shared by the files that test the page, its import and its cooperatives. */

export const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

/** Someone else saves Stavanger's 2024 report while the page shows it; gives Stavanger's id. */
export function saveMeanwhile(db: Db, lines: CostLine[]): number {
  const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
  saveCostReport(db, {
    organisationId: stavanger,
    year: 2024,
    expectedVersion: getCostReport(db, stavanger, 2024)?.version ?? 0,
    content: {
      lines,
      itUserAccounts: null,
      employeesFte: null,
      populationOverride: null,
      grossOperatingExpenditureOverride: null,
      warningComments: {},
      allocation: null,
    },
    source: "entered",
    now: new Date().toISOString(),
  });
  return stavanger;
}

export async function confirm(name: string) {
  const dialog = await screen.findByRole("dialog");
  fireEvent.click(within(dialog).getByRole("button", { name }));
}

/** As a manager, sends the report on the page back to finance, so that it can be edited. */
export async function returnReport(comment: string) {
  fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
  fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: comment } });
  await confirm("Send tilbake");
  await screen.findByTestId("report-returned");
}
