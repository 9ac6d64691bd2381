import { populationFixture2022 } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

function upload(text: string, name = "07459.json") {
  const input = screen.getByLabelText("Fil (JSON)");
  fireEvent.change(input, { target: { files: [new File([text], name, { type: "application/json" })] } });
}

describe("admin: import of reference data", () => {
  it("previews a 07459 file, accounts for every value, imports on confirmation, and finds nothing more to do after", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    await screen.findByRole("heading", { level: 1, name: "Import av referansedata" });
    upload(populationFixture2022());
    expect(await screen.findByText(/07459\.json, [\d\s]+ tegn/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    const report = await screen.findByTestId("import-report");
    expect(report.textContent).toMatch(
      /10 verdier i filen: 5 kan importeres \(5 nye eller endrede, 0 uendret\), 4 hoppes over, 1 kan ikke fordeles\./,
    );
    expect(report.textContent).toContain("Alle verdiene i filen er gjort rede for.");
    expect(report.textContent).toContain("Ålesund 2022: delt i 1508, 1580 fra 2024; kan ikke fordeles.");
    expect(report.textContent).toContain("Halden (3101)");

    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    const dialog = await screen.findByRole("dialog", { name: "Importere endringene?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Importer" }));
    expect((await screen.findByTestId("import-done")).textContent).toBe("Importert: 5 verdier skrevet.");

    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    await waitFor(() => expect(screen.getByTestId("import-report").textContent).toMatch(/0 nye eller endrede, 5 uendret/));
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Importer" }).disabled).toBe(true);
  });

  it("refuses a broken file with the reason and says nothing changed", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    await screen.findByLabelText("Fil (JSON)");
    upload("{ nope");
    await screen.findByText(/07459\.json/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    expect((await screen.findByTestId("import-error")).textContent).toBe(
      "Filen ble avvist, og ingenting er endret: filen er ikke gyldig JSON.",
    );
  });

  it("imports KOSTRA groups from a KLASS correspondence", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    fireEvent.change(await screen.findByLabelText("Hva vil du importere?"), { target: { value: "kostraGroups" } });
    upload(
      JSON.stringify({
        correspondenceItems: [{ sourceCode: "0301", sourceName: "Oslo", targetCode: "EKG16", targetName: "Oslo kommune" }],
      }),
      "kostra.json",
    );
    await screen.findByText(/kostra\.json/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    expect((await screen.findByTestId("import-report")).textContent).toMatch(/1 kommuner får ny eller endret KOSTRA-gruppe/);
  });

  it("imports the KLASS change list and says from which year figures are mapped", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    fireEvent.change(await screen.findByLabelText("Hva vil du importere?"), { target: { value: "regionChanges" } });
    const changes = {
      codeChanges: [
        { oldCode: "0704", newCode: "3803", changeOccurred: "2020-01-01" },
        { oldCode: "0716", newCode: "3803", changeOccurred: "2020-01-01" },
        { oldCode: "5012", newCode: "5055", changeOccurred: "2020-01-01" },
        { oldCode: "5012", newCode: "5056", changeOccurred: "2020-01-01" },
      ],
    };
    upload(JSON.stringify(changes), "endringer.json");
    await screen.findByText(/endringer\.json/);
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    const report = await screen.findByTestId("import-report");
    expect(report.textContent).toContain("Endringslisten gjelder 2020-01-01 til 2020-01-01: 0 nye numre, 1 sammenslåinger, 1 delinger.");
    expect(report.textContent).toContain("Tall regnes om fra år 2019 (nå fra 2020).");
    expect(report.textContent).toContain("5012 ble delt i 5055, 5056 (1. januar 2020)");
    fireEvent.click(screen.getByRole("button", { name: "Importer" }));
    const dialog = await screen.findByRole("dialog", { name: "Importere endringene?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Importer" }));
    expect((await screen.findByTestId("import-done")).textContent).toBe("Importert: 4 verdier skrevet.");
  });

  it("tells a non-administrator that the page is for administrators", async () => {
    renderApp("/admin/import", { as: "board@demo.example" });
    expect((await screen.findByTestId("import-admin-only")).textContent).toBe("Bare administratorer kan importere referansedata.");
  });
});

describe("import from an address", () => {
  it("refuses an address outside Statistics Norway", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    fireEvent.change(await screen.findByLabelText(/adressen til tabellen/), { target: { value: "https://evil.example/07459.json" } });
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    expect((await screen.findByTestId("import-error")).textContent).toBe(
      "Bare adresser hos SSB kan brukes (data.ssb.no, klass.ssb.no, www.ssb.no).",
    );
  });

  it("says to remove a port other than https's own, and to use https", async () => {
    renderApp("/admin/import", { as: "admin@demo.example" });
    const url = await screen.findByLabelText(/adressen til tabellen/);
    fireEvent.change(url, { target: { value: "https://data.ssb.no:8443/api/v0/no/table/07459" } });
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    expect((await screen.findByTestId("import-error")).textContent).toBe(
      "Adressen kan ikke ha port 8443. Bare standardporten for https (443) kan brukes: fjern «:8443» fra adressen.",
    );
    fireEvent.change(url, { target: { value: "http://data.ssb.no/api/v0/no/table/07459" } });
    fireEvent.click(screen.getByRole("button", { name: "Forhåndsvis" }));
    await waitFor(() => expect(screen.getByTestId("import-error").textContent).toBe("Adressen må begynne med https://."));
  });
});
