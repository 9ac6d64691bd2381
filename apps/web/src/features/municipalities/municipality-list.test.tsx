import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";
import { FIRST_ROWS } from "./municipality-list";
import { matchesMunicipality, normalizeForSearch } from "./search";

describe("municipality search", () => {
  it("ignores case and Norwegian letters, and matches numbers by prefix", () => {
    expect(normalizeForSearch("Tromsø")).toBe("tromso");
    const tromso = { number: "5501", name: "Tromsø", altName: null };
    expect(matchesMunicipality(tromso, "tromso")).toBe(true);
    expect(matchesMunicipality(tromso, "55")).toBe(true);
    expect(matchesMunicipality(tromso, "01")).toBe(false);
    expect(matchesMunicipality({ number: "5612", name: "Kautokeino", altName: "Guovdageaidnu" }, "guovda")).toBe(true);
  });

  it("finds a municipality by any of its official names (issue 22, point 4)", async () => {
    const storfjord = {
      number: "5538",
      name: "Storfjord",
      altName: null,
      officialNames: [
        { name: "Storfjord", language: "no" },
        { name: "Omasvuotna", language: "se" },
        { name: "Omasvuono", language: "fkv" },
      ],
    };
    expect(matchesMunicipality(storfjord, "Omasvuono")).toBe(true);
    expect(matchesMunicipality(storfjord, "omasvuotna")).toBe(true);
    renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByText("357 kommuner")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Søk etter kommune"), { target: { value: "Omasvuono" } });
    await waitFor(() => expect(screen.getByTestId("municipality-count").textContent).toBe("1 kommune"));
    expect(screen.getByRole("link", { name: "Storfjord" })).toBeTruthy();
  });
});

describe("municipality list page", () => {
  it("lists 357 municipalities and filters by name or number, keeping the search in the URL", async () => {
    const { router } = renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByText("357 kommuner")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Søk etter kommune"), { target: { value: "bergen" } });
    await waitFor(() => expect(screen.getByTestId("municipality-count").textContent).toBe("1 kommune"));
    expect(screen.getByRole("link", { name: "Bergen" }).getAttribute("href")).toBe("/kommune/4601");
    expect(router.state.location.search).toBe("?q=bergen");
    fireEvent.change(screen.getByLabelText("Søk etter kommune"), { target: { value: "zzz" } });
    expect(await screen.findByText(/Ingen kommuner passer til «zzz»/)).toBeTruthy();
  });

  it("draws the first 50 rows, and all on request, moving focus to the first row it brought (issue 21)", async () => {
    const { router } = renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByText("357 kommuner")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Kommuner" });
    expect(within(table).getAllByRole("link")).toHaveLength(FIRST_ROWS);
    expect(screen.getByTestId("municipality-more").textContent).toContain("Viser de 50 første av 357.");
    fireEvent.click(screen.getByRole("button", { name: "Vis alle 357" }));
    await waitFor(() => expect(within(table).getAllByRole("link")).toHaveLength(357));
    expect(router.state.location.search).toBe("?vis=alle");
    expect(document.activeElement).toBe(within(table).getAllByRole("link")[FIRST_ROWS]);
    expect(screen.queryByTestId("municipality-more")).toBeNull();

    // A search narrower than the first rows draws every match, with nothing more to ask for.
    fireEvent.change(screen.getByLabelText("Søk etter kommune"), { target: { value: "46" } });
    await waitFor(() => expect(router.state.location.search).toBe("?vis=alle&q=46"));
  });

  it("draws all rows of an address that asks for all", async () => {
    renderApp("/?vis=alle", { as: "board@demo.example" });
    expect(await screen.findByText("357 kommuner")).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "Kommuner" })).getAllByRole("link")).toHaveLength(357);
    expect(screen.queryByTestId("municipality-more")).toBeNull();
  });

  it("draws the first rows of a search with more matches than those", async () => {
    renderApp("/?q=s", { as: "board@demo.example" });
    const count = Number((await screen.findByTestId("municipality-count")).textContent?.split(" ")[0]);
    expect(count).toBeGreaterThan(FIRST_ROWS);
    expect(count).toBeLessThan(357);
    expect(within(screen.getByRole("table", { name: "Kommuner" })).getAllByRole("link")).toHaveLength(FIRST_ROWS);
    expect(screen.getByRole("button", { name: `Vis alle ${count}` })).toBeTruthy();
  });

  it("shows the demo banner when demo data is present", async () => {
    renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByTestId("demo-banner")).toBeTruthy();
  });

  it("remembers the language the user switches to", async () => {
    const { i18n } = renderApp("/", { as: "board@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "English" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Municipalities" })).toBeTruthy();
    expect(i18n.language).toBe("en");
    expect(window.localStorage.getItem("malestokk.language")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });
});

describe("IT cooperatives on the list page", () => {
  it("says how to get cooperatives when none is registered", async () => {
    renderApp("/", { as: "board@demo.example" });
    expect(await screen.findByText(/Ingen IKT-samarbeid er registrert ennå/)).toBeTruthy();
  });
});

describe("population facts", () => {
  it("shows each year's population with its source", async () => {
    renderApp("/kommune/0301", { as: "board@demo.example" });
    fireEvent.click(await screen.findByText("Folketall 1. januar og kilder"));
    const table = await screen.findByTestId("population-facts");
    expect(table.textContent).toContain("Demodata (oppdiktet)");
    expect(table.textContent).toMatch(/2025717\s710/);
  });
});

describe("the municipality's written standard (issue 22, point 3)", () => {
  it("shows the register's målform on the municipality's page", async () => {
    renderApp("/kommune/4621", { as: "board@demo.example" });
    expect((await screen.findByTestId("written-standard")).textContent).toBe("Målform: nynorsk");
  });
});

describe("registering an IT cooperative", () => {
  it("lets an admin register one with members, and explains bad input", async () => {
    renderApp("/", { as: "admin@demo.example" });
    fireEvent.change(await screen.findByLabelText("Organisasjonsnummer"), { target: { value: "123" } });
    fireEvent.change(screen.getByLabelText("Medlemskommuner"), { target: { value: "4601" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre samarbeidet" }));
    expect(await screen.findByText("Organisasjonsnummeret må ha ni sifre.")).toBeTruthy();
    expect(screen.getByText("Skriv navnet på samarbeidet.")).toBeTruthy();
    expect(screen.getByText("Skriv minst to kommunenumre med fire sifre.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Organisasjonsnummer"), { target: { value: "912 345 678" } });
    fireEvent.change(screen.getByLabelText("Navn"), { target: { value: "Digitale Vestland" } });
    fireEvent.change(screen.getByLabelText("Medlemskommuner"), { target: { value: "4601, 4602" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre samarbeidet" }));
    expect(await screen.findByText(/kontrollsifferet \(det niende\) stemmer ikke/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Organisasjonsnummer"), { target: { value: "912 345 688" } });
    fireEvent.change(screen.getByLabelText("Medlemskommuner"), { target: { value: "4601, 9999" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre samarbeidet" }));
    expect(await screen.findByText("Kommunenummer 9999 finnes ikke.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Medlemskommuner"), { target: { value: "4601 4602" } });
    fireEvent.click(screen.getByRole("button", { name: "Lagre samarbeidet" }));
    expect(await screen.findByText("«Digitale Vestland» er lagret med 2 medlemmer.")).toBeTruthy();
    const section = screen.getByRole("region", { name: "Interkommunale IKT-samarbeid" });
    expect(await within(section).findByRole("link", { name: "Kinn" })).toBeTruthy();
  });

  it("offers the form to admins only", async () => {
    renderApp("/", { as: "board@demo.example" });
    await screen.findByText(/Ingen IKT-samarbeid er registrert ennå/);
    expect(screen.queryByLabelText("Organisasjonsnummer")).toBeNull();
  });
});
