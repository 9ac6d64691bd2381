import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("K1 peer group picker", () => {
  it("switches the peer group, says its criteria in words, and keeps it in the URL", async () => {
    const { router } = renderApp("/kommune/4601", { as: "manager.4601@demo.example" });
    const criteria = await screen.findByTestId("peer-criteria");
    expect(criteria.textContent).toBe("Sammenligningsgruppe: kommuner med over 110 000 innbyggere (DFØs størrelsesklasser), 6 kommuner.");
    fireEvent.change(screen.getByLabelText("Sammenlign med"), { target: { value: "county" } });
    await waitFor(() =>
      expect(screen.getByTestId("peer-criteria").textContent).toBe("Sammenligningsgruppe: alle kommunene i Vestland, 43 kommuner."),
    );
    expect(router.state.location.search).toBe("?peers=county");
    fireEvent.change(screen.getByLabelText("Sammenlign med"), { target: { value: "asss" } });
    await waitFor(() => expect(screen.getByTestId("peer-criteria").textContent).toMatch(/ASSS-nettverket.*10 kommuner/));
  });

  it("opens with the peer group from a shared URL", async () => {
    renderApp("/kommune/4601?peers=all", { as: "board@demo.example", language: "en" });
    expect((await screen.findByTestId("peer-criteria")).textContent).toBe("Peer group: all 357 municipalities.");
    expect(screen.getByLabelText<HTMLSelectElement>("Compare with").value).toBe("all");
  });
});

describe("own peer sets", () => {
  it("suggests similar municipalities with reasons, saves the chosen ones as a shared set and compares with it", async () => {
    const { router } = renderApp("/kommune/1103", { as: "finance.1103@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Lag egen gruppe med forslag" }));
    const sandnes = await screen.findByRole("checkbox", { name: /^Sandnes \(1108, Rogaland\)/ });
    expect((sandnes as HTMLInputElement).checked).toBe(true);
    // Reasons and distance on structure (Bærum is closest to Stavanger in size and density), and the fine print on centrality.
    expect(
      screen.getByText(/^lik folkemengde \(130\s921 mot 149\s048\); lik tetthet \(685,5 mot 630,5 innbyggere per km²\); avstand 0,36$/),
    ).toBeTruthy();
    expect(screen.getByTestId("peer-suggest-fine-print").textContent).toMatch(/sentralitetsindeks finnes ikke i registeret/);
    fireEvent.click(screen.getByRole("button", { name: "Lagre gruppen" }));
    expect(await screen.findByText("Gi gruppen et navn.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Navn på gruppen"), { target: { value: "Vestlandsbyer" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Del med alle i Stavanger" }));
    fireEvent.click(screen.getByRole("button", { name: "Lagre gruppen" }));
    expect(await screen.findByText("Gruppen «Vestlandsbyer» er lagret og valgt.")).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId("peer-criteria").textContent).toBe("Sammenligningsgruppe: «Vestlandsbyer», 11 kommuner du har valgt."),
    );
    expect(router.state.location.search).toMatch(/^\?peers=set-\d+$/);

    fireEvent.click(screen.getByRole("button", { name: "Slett gruppen" }));
    const dialog = await screen.findByRole("dialog", { name: "Slette sammenligningsgruppen?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Slett gruppen" }));
    expect(await screen.findByText("Gruppen er slettet.")).toBeTruthy();
    expect(router.state.location.search).toBe("");
  });

  it("offers sharing only to users with a role in the municipality", async () => {
    renderApp("/kommune/1103", { as: "board@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Lag egen gruppe med forslag" }));
    await screen.findByRole("checkbox", { name: /^Sandnes/ });
    expect(screen.queryByRole("checkbox", { name: /Del med alle/ })).toBeNull();
  });
});

describe("KOSTRA group peers", () => {
  it("marks the built-in KOSTRA group as approximate until the real groups are imported", async () => {
    renderApp("/kommune/4601?peers=kostra", { as: "board@demo.example" });
    expect((await screen.findByTestId("peer-criteria")).textContent).toBe(
      "Sammenligningsgruppe (tilnærmet): De ti største kommunene utenom Oslo, 10 kommuner. Gruppen er satt bare etter folketall til de ekte KOSTRA-gruppene er importert fra KLASS.",
    );
    expect(screen.getByTestId("kostra-group").textContent).toBe(
      "KOSTRA-gruppe (tilnærmet, bare etter folketall): De ti største kommunene utenom Oslo. De ekte gruppene importeres fra SSBs KLASS.",
    );
  });
});
