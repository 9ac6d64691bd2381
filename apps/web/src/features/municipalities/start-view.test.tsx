import { getCostReport, getMunicipalityByNumber, setCostReportStatus } from "@malestokk/db";
import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("«Min kommune», where a municipal user lands (issue 20, point 11)", () => {
  it("shows finance its municipality's pages and what awaits, each linked to the exact page; the full list is one click away", async () => {
    const { db, router } = renderApp("/", { as: "finance.1103@demo.example" });
    const stavanger = getMunicipalityByNumber(db, "1103")?.id ?? 0;
    const report = getCostReport(db, stavanger, 2024);
    setCostReportStatus(db, {
      reportId: report?.id ?? 0,
      expectedVersion: report?.version ?? 0,
      status: "returned",
      now: "2026-02-01T10:00:00.000Z",
      by: "manager.1103@demo.example",
      returnComment: "Lisensene mangler",
    });
    expect(await screen.findByRole("heading", { level: 1, name: "Min kommune: Stavanger" })).toBeTruthy();
    const awaiting = await screen.findByTestId("awaiting-1103");
    const item = await within(awaiting).findByRole("link", { name: "IKT-kostnader 2024 er sendt tilbake til dere: «Lisensene mangler»" });
    expect(item.getAttribute("href")).toBe("/kommune/1103/kostnader/2024");
    const pages = screen.getByRole("navigation", { name: "Sidene for Stavanger" });
    expect(
      within(pages)
        .getByRole("link", { name: /^Profil/ })
        .getAttribute("href"),
    ).toBe("/kommune/1103/profil");
    expect(document.title).toMatch(/^Min kommune – /);

    fireEvent.click(screen.getByRole("link", { name: "Alle kommuner" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Kommuner" })).toBeTruthy();
    expect(router.state.location.pathname).toBe("/kommuner");
  });

  it("says when nothing awaits, with the next steps", async () => {
    const { sqlite } = renderApp("/", { as: "finance.4601@demo.example" });
    // Without the demo's projects, nothing waits for Bergen's finance.
    sqlite.prepare("delete from projects").run();
    const awaiting = await screen.findByTestId("awaiting-4601");
    expect((await within(awaiting).findByRole("status")).textContent).toMatch(
      /^Ingenting venter på deg nå\. Se hvordan kommunen ligger an/,
    );
    expect(within(awaiting).queryByRole("list")).toBeNull();
  });

  it("keeps the list of municipalities as the start page of users without an organisation", async () => {
    renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByRole("heading", { level: 1, name: "Kommuner" })).toBeTruthy();
    expect(screen.queryByTestId("start-view")).toBeNull();
  });
});
