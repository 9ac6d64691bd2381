import { getMunicipalityByNumber, setSetting } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

// The demo publishes 2015–2024, each on 15 June of the year after; 2025 is still being reported.
const nbsp = (text: string | null) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("open pages (issue 23, point 4)", () => {
  it("shows a municipality's published figures without signing in, with publication dates, a revision mark, licence and demo marking", async () => {
    const { db, sqlite } = renderApp("/apne-data/kommune/0301");
    const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
    const k1 = sqlite
      .prepare("select numerator, denominator from indicator_values where indicator_code = 'K1' and organisation_id = ? and year = 2024")
      .get(oslo) as { numerator: number; denominator: number };
    sqlite
      .prepare(
        "insert into indicator_value_revisions (indicator_code, year, organisation_id, numerator, denominator, is_demo, revised_on, revised_at) values ('K1', 2024, ?, ?, ?, 1, '2026-05-12', '2026-05-12T10:00:00Z')",
      )
      .run(oslo, k1.numerator + 1000, k1.denominator);

    const table = await screen.findByTestId("open-municipality-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Oslo: publiserte tall");
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toContain("2024");
    expect(headers).not.toContain("2025");
    expect(screen.getByTestId("open-published").textContent).toContain("2024 (publisert 15.06.2025)");
    const k1Row = within(table).getByRole("link", { name: /^K1 / }).closest("tr") as HTMLElement;
    const revision = within(k1Row).getByTestId("open-revision");
    expect(nbsp(revision.querySelector("summary")?.textContent ?? "")).toBe("revidert 12.05.2026 – vis tidligere verdier");
    expect((await screen.findByTestId("open-licence")).textContent).toContain("NLOD 2.0");
    expect(screen.getByTestId("open-demo")).toBeTruthy();
    // No workflow: nothing to save, submit or approve.
    expect(screen.queryByRole("button", { name: /Send inn|Godkjenn|Lagre/ })).toBeNull();
  });

  it("lets the reader open a revised value's earlier values and dates, in each language", async () => {
    for (const [language, summary, title, until] of [
      ["nb", "revidert 12.05.2026 – vis tidligere verdier", "Tidligere publiserte verdier:", "fram til"],
      ["nn", "revidert 12.05.2026 – vis tidlegare verdiar", "Tidlegare publiserte verdiar:", "fram til"],
      ["en", "revised 12.05.2026 – show earlier values", "Earlier published values:", "until"],
    ] as const) {
      const { db, sqlite, container, unmount } = renderApp("/apne-data/indikator/K1?aar=2024", { language });
      const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
      // Two corrections approved after publication: the first replaced 1 000 kr, the second 1 200 kr.
      const insert = sqlite.prepare(
        "insert into indicator_value_revisions (indicator_code, year, organisation_id, numerator, denominator, is_demo, revised_on, revised_at) values ('K1', 2024, ?, ?, 1000, 1, ?, ?)",
      );
      insert.run(oslo, 1_000_000, "2026-01-10", "2026-01-10T10:00:00Z");
      insert.run(oslo, 1_200_000, "2026-05-12", "2026-05-12T10:00:00Z");

      const values = await within(container).findByTestId("open-indicator-table");
      const row = within(values).getByRole("link", { name: "Oslo" }).closest("tr") as HTMLElement;
      const revision = within(row).getByTestId<HTMLDetailsElement>("open-revision");
      const toggle = revision.querySelector("summary") as HTMLElement;
      expect(nbsp(toggle.textContent)).toBe(summary);
      expect(revision.open).toBe(false);
      fireEvent.click(toggle);
      await waitFor(() => expect(within(revision).getAllByRole("listitem")).toHaveLength(2));
      expect(revision.open).toBe(true);
      expect(revision.textContent).toContain(title);
      // Newest first: the value the latest correction replaced, then the one first published.
      expect(
        within(revision)
          .getAllByRole("listitem")
          .map((li) => nbsp(li.textContent)),
      ).toEqual([`1 200 kr ${until} 12.05.2026`, `1 000 kr ${until} 10.01.2026`]);
      unmount();
    }
  });

  it("shows an indicator's statistics with a table twin and every municipality's value, with no unpublished year to choose", async () => {
    renderApp("/apne-data/indikator/K1?open-statisticsView=table");
    const values = await screen.findByTestId("open-indicator-table");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("K1 IKT-kostnad per innbygger: publiserte tall");
    expect(within(values).getByRole("link", { name: "Oslo" }).getAttribute("href")).toBe("/apne-data/kommune/0301");
    const years = within(screen.getByLabelText("Velg år"))
      .getAllByRole("option")
      .map((o) => o.textContent);
    expect(years).toContain("2024");
    expect(years).not.toContain("2025");
    await waitFor(() => expect(screen.getByRole("table", { name: "Statistikk for kommunene per publisert år" })).toBeTruthy());
    const stats = screen.getByRole("table", { name: "Statistikk for kommunene per publisert år" });
    const row2024 = within(stats).getByRole("rowheader", { name: "2024" }).closest("tr");
    expect(nbsp(row2024?.textContent ?? "")).toContain("Publisert 15.06.2025");
  });

  it("states the licence and attribution the administrator chose, linked, in each language (the API's setting)", async () => {
    const { db } = renderApp("/apne-data/kommune/0301");
    // What Brukere → "Lisens for åpne data" stores (docs/open-data.md#licence).
    setSetting(db, "openData.licence", { licence: "CC-BY-4.0", attribution: "KS og kommunene" }, "2026-03-01T10:00:00Z");
    const line = await screen.findByTestId("open-licence");
    expect(line.textContent).toBe(
      "Lisens: Creative Commons Navngivelse 4.0 Internasjonal (CC BY 4.0). Oppgi kilden slik: «Kilde: KS og kommunene».",
    );
    expect(within(line).getByRole("link").getAttribute("href")).toBe("https://creativecommons.org/licenses/by/4.0/");

    const nynorsk = renderApp("/apne-data", { language: "nn" });
    expect((await within(nynorsk.container).findByTestId("open-licence")).textContent).toBe(
      "Lisens: Norsk lisens for offentlege data (NLOD 2.0). Oppgi kjelda slik: «Kjelde: Målestokk».",
    );
    const english = renderApp("/apne-data", { language: "en" });
    expect((await within(english.container).findByTestId("open-licence")).textContent).toBe(
      "Licence: Norwegian Licence for Open Government Data (NLOD 2.0). Cite the source as: “Source: Målestokk”.",
    );
  });

  it("links the sign-in page to the published figures", async () => {
    renderApp("/");
    const link = await screen.findByRole("link", { name: "Se publiserte tall uten å logge inn" });
    expect(link.getAttribute("href")).toBe("/apne-data");
  });
});
