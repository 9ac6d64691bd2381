import { MATURITY_AREA_DEFINITIONS, MATURITY_AREAS } from "@malestokk/domain";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("the maturity self-assessment page", () => {
  it("lets a manager score every area with the level descriptors, shows the index as they go, saves and submits", async () => {
    renderApp("/kommune/0301/modenhet/2020", { as: "manager.0301@demo.example" });
    expect(await screen.findByRole("heading", { level: 1, name: "IKT-modenhet 2020 – Oslo" })).toBeTruthy();
    expect((await screen.findByTestId("quality-missing")).textContent).toContain("Brukeren i sentrum");
    for (const area of MATURITY_AREAS) {
      const group = screen.getByRole("radiogroup", { name: `${MATURITY_AREA_DEFINITIONS[area].name.nb}: Nivå` });
      const level = area === "securityPrivacy" ? 5 : 3;
      fireEvent.click(within(group).getByLabelText(`${level} – ${MATURITY_AREA_DEFINITIONS[area].levels[level - 1]?.nb ?? ""}`));
    }
    expect(screen.getByTestId("maturity-index").textContent).toBe("Modenhetsindeks: 3,25 (middels)");
    fireEvent.change(screen.getAllByLabelText("Kommentar")[4] as HTMLElement, { target: { value: "ISO 27001-sertifisert" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    expect((await screen.findByTestId("quality-message")).textContent).toBe("Lagret.");
    await waitFor(() => expect(screen.getByTestId("quality-status").textContent).toBe("Utkast"));
    expect(screen.getByTestId("quality-missing").textContent).toBe("Alt er besvart. Lagre og send inn når dere er klare.");

    fireEvent.click(screen.getByRole("button", { name: "Send inn" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Send inn" }));
    await waitFor(() => expect(screen.getByTestId("quality-status").textContent).toBe("Sendt inn"));
    // The status block is the cost report's: it says who submitted the report and when (issue 19).
    expect(screen.getByText(/^Sendt inn av Demo leder 0301, /)).toBeTruthy();
    // The radar chart has its table twin.
    fireEvent.click(await screen.findByRole("radio", { name: "Tabell" }));
    const table = await screen.findByRole("table", { name: "Nivå per område: kommunen og medianen i KOSTRA-gruppen" });
    expect(within(table).getAllByRole("row")).toHaveLength(9);
  });

  it("is read-only for the board, and closed to another municipality's finance staff", async () => {
    renderApp("/kommune/0301/modenhet/2020", { as: "finance.5001@demo.example" });
    expect((await screen.findByTestId("quality-no-access")).textContent).toMatch(/bare for kommunens egne brukere/);
  });
});

describe("the maturity weights", () => {
  it("are set by an administrator, and the index follows", async () => {
    renderApp("/kommune/0301/modenhet/2024", { as: "admin@demo.example" });
    const weight = await screen.findByLabelText("Informasjonssikkerhet, personvern og dokumentforvaltning", { selector: "input" });
    fireEvent.change(weight, { target: { value: "x" } });
    expect(screen.getByText("Skriv et helt tall fra 0 til 99.")).toBeTruthy();
    fireEvent.change(weight, { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre vekter" }));
    expect(await screen.findByText("Vektene er lagret, og indeksen er regnet om for alle kommuner.")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("vekt 3")).toBeTruthy());
  });
});

describe("the maturity radar's peer group", () => {
  it("says that the ten largest stand in for Oslo's one-member KOSTRA group (issue 20)", async () => {
    renderApp("/kommune/0301/modenhet/2024", { as: "manager.0301@demo.example" });
    expect((await screen.findByTestId("peer-stand-in")).textContent).toMatch(/tilnærmet gruppe: ASSS-nettverket/);
  });
});
