import { fireEvent, screen, waitFor } from "@testing-library/react";
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
