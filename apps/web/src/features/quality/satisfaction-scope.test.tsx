import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { getMunicipalityByNumber, saveQualityReport, setQualityReportStatus, type Db } from "@malestokk/db";

import { renderApp } from "../../test/render";

/** Oslo's 2020 report of one instrument, saved and moved to a status as its manager would. */
function storeOsloReport(db: Db, content: Parameters<typeof saveQualityReport>[1]["content"], status: "submitted" | "approved") {
  const now = new Date().toISOString();
  const saved = saveQualityReport(db, {
    organisationId: getMunicipalityByNumber(db, "0301")?.id ?? 0,
    year: 2020,
    expectedVersion: null,
    content,
    now,
  });
  setQualityReportStatus(db, {
    reportId: saved.ok ? saved.row.id : 0,
    expectedVersion: saved.ok ? saved.row.version : 0,
    status,
    now,
    by: "manager.0301@demo.example",
  });
}

const nbsp = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("the satisfaction page", () => {
  it("reads citizen results from CSV, flags few respondents, and the server refuses a mean off the 1–6 scale", async () => {
    renderApp("/kommune/0301/tilfredshet/2020", { as: "manager.0301@demo.example" });
    const input = await screen.findByLabelText(/Les inn fra CSV/);
    const csv = "Undersøkelse;Gjennomsnitt;Antall svar\nBarnehage;5,1;420\nByggesak;7;8\n";
    fireEvent.change(input, { target: { files: [new File([csv], "bedrekommune.csv", { type: "text/csv" })] } });
    expect((await screen.findByTestId("satisfaction-import")).textContent).toBe("Leste 2 rader. Sjekk tallene og lagre.");
    const rows = within(screen.getByTestId("citizen-rows")).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[2] as HTMLElement).getByText("usikkert")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByTestId("quality-message");
    expect(await screen.findByText("Verdien må ligge på skalaen 1–6.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Gjennomsnitt (1–6), 2"), { target: { value: "3,9" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await waitFor(() => expect(screen.getByTestId("quality-message").textContent).toBe("Lagret."));
  });
});

describe("the satisfaction page reading a CSV file with nynorsk headings (issue 22)", () => {
  it("reads the columns Undersøking and Tal på svar as it reads the bokmål ones", async () => {
    renderApp("/kommune/0301/tilfredshet/2020", { as: "manager.0301@demo.example" });
    const input = await screen.findByLabelText(/Les inn fra CSV/);
    const csv = "Undersøking;Gjennomsnitt;Tal på svar\nBarnehage;5,1;420\n";
    fireEvent.change(input, { target: { files: [new File([csv], "nynorsk.csv", { type: "text/csv" })] } });
    expect((await screen.findByTestId("satisfaction-import")).textContent).toBe("Leste 1 rad. Sjekk tallene og lagre.");
  });
});

describe("the satisfaction page reading a CSV file in two encodings (issue 18)", () => {
  it("names the line that does not fit instead of reading «Byggesak pÃ¥ nett»", async () => {
    renderApp("/kommune/0301/tilfredshet/2020", { as: "manager.0301@demo.example" });
    const input = await screen.findByLabelText(/Les inn fra CSV/);
    const latin = Uint8Array.from([..."Undersøkelse;Gjennomsnitt;Antall svar\nSkole på nett;5,1;420\n"].map((char) => char.charCodeAt(0)));
    const bytes = Uint8Array.from([...latin, ...new TextEncoder().encode("Byggesak på nett;4,2;80\n")]);
    fireEvent.change(input, { target: { files: [new File([bytes], "blandet.csv", { type: "text/csv" })] } });
    expect((await screen.findByTestId("satisfaction-import")).textContent).toBe(
      "Filen blander tegnkodinger: linje 3 («Byggesak på nett;4,2;80») er lagret med en annen tegnkoding enn linjene over. Lagre filen på nytt som UTF-8 (i Excel: «CSV UTF-8») og last den opp igjen.",
    );
  });
});

describe("the service scope page", () => {
  it("computes S1/S2 as services are placed on the staircase, leaves out those not offered, and S3 is missing without shipments", async () => {
    renderApp("/kommune/0301/tjenester/2020", { as: "manager.0301@demo.example" });
    const first = await screen.findByLabelText("Trinn: Byggesøknad");
    expect(screen.getByTestId("mail-share").textContent).toBe("Ingen forsendelser oppgitt: andelen mangler (den er ikke 0\u00a0%).");
    fireEvent.change(first, { target: { value: "4" } });
    fireEvent.change(screen.getByLabelText("Trinn: Barnehageplass"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText("Trinn: Startlån"), { target: { value: "no" } });
    expect(screen.getByTestId("scope-rates").textContent).toBe(
      "Digitalt førstevalg: 50\u00a0% av 2 vurderte tjenester; gjennomsnittlig trinn 3. 1 tjenester tilbys ikke.",
    );
    fireEvent.change(screen.getByLabelText("Levert digitalt"), { target: { value: "7 000" } });
    fireEvent.change(screen.getByLabelText("Sendt på papir"), { target: { value: "3000" } });
    expect(nbsp(screen.getByTestId("mail-share").textContent)).toBe("70 % digitalt. Til sammenligning: 28 % nasjonalt i 2014.");
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await waitFor(() => expect(screen.getByTestId("quality-message").textContent).toBe("Lagret."));
    expect(screen.getByTestId("quality-missing").textContent).toMatch(/Før rapporten kan sendes inn, mangler:/);
  });
});

describe("a quality report before approval, seen by the programme board (issue 17, finding 3)", () => {
  it("shows the status and who submitted it, and none of the answers", async () => {
    const { db } = renderApp("/kommune/0301/tilfredshet/2020", { as: "board@demo.example" });
    storeOsloReport(
      db,
      {
        instrument: "satisfaction",
        content: { staff: null, citizen: [{ surveyType: "Hemmelig undersøkelse", mean: 4.2, respondents: 31_337 }] },
      },
      "submitted",
    );
    const withheld = await screen.findByTestId("withheld-report");
    expect(within(withheld).getByTestId("withheld-status").textContent).toBe("Sendt inn");
    expect(withheld.textContent).toContain("Sendt inn av Demo leder 0301");
    expect(withheld.textContent).toContain("Rapporten er ikke godkjent ennå; innholdet vises når den er godkjent.");
    expect(screen.queryByTestId("citizen-rows")).toBeNull();
    expect(nbsp(document.body.textContent)).not.toMatch(/31 ?337|Hemmelig undersøkelse/);
  });
});

describe("locked figures (issue 20, point 8)", () => {
  it("shows an approved report's shipments with thousands separators, not as typed", async () => {
    const { db } = renderApp("/kommune/0301/tjenester/2020", { as: "finance.0301@demo.example" });
    storeOsloReport(
      db,
      { instrument: "scope", content: { services: [], mail: [{ shipmentType: "", digital: 41_250_000, paper: 28_000 }] } },
      "approved",
    );
    const digital = await screen.findByLabelText<HTMLInputElement>("Levert digitalt");
    expect(digital.readOnly).toBe(true);
    expect(digital.value).toBe("41\u00a0250\u00a0000");
    expect(screen.getByLabelText<HTMLInputElement>("Sendt på papir").value).toBe("28\u00a0000");
  });
});

describe("the SvarUt reference on the scope page (issue 20, point 17)", () => {
  it("shows the year's national share from approved figures beside the 2014 figure from the programme's proposal", async () => {
    renderApp("/kommune/0301/tjenester/2024", { as: "manager.0301@demo.example" });
    const national = await screen.findByTestId("mail-national");
    expect(nbsp(national.textContent)).toMatch(
      /^Landet i 2024: \d+ % digitalt etter godkjente tall fra \d+ kommuner\. I 2014 var andelen 28 % \(programforslaget\)\.$/,
    );
  });

  it("says so when the year has no approved figures yet", async () => {
    renderApp("/kommune/0301/tjenester/2020", { as: "manager.0301@demo.example" });
    const national = await screen.findByTestId("mail-national");
    expect(nbsp(national.textContent)).toBe(
      "Landet i 2020: ingen godkjente tall ennå, så andelen for året mangler. I 2014 var andelen 28 % (programforslaget).",
    );
  });
});
