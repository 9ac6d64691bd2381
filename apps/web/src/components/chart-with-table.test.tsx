import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/render";

describe("the Diagram/Tabell switch (issue 20, point 25)", () => {
  it("chooses with the arrow keys, as a radio group does", async () => {
    const { router } = renderApp("/kommune/0301/indikator/K1?year=2024", { as: "board@demo.example" });
    const [chart] = await screen.findAllByRole("radio", { name: "Diagram" });
    if (!chart) throw new Error("no switch");
    expect((chart as HTMLInputElement).checked).toBe(true);
    fireEvent.keyDown(chart, { key: "ArrowRight" });
    await waitFor(() => expect(screen.getAllByRole<HTMLInputElement>("radio", { name: "Tabell" })[0]?.checked).toBe(true));
    expect(router.state.location.search).toContain("distributionView=table");
    fireEvent.keyDown(chart, { key: "ArrowLeft" });
    await waitFor(() => expect((chart as HTMLInputElement).checked).toBe(true));
  });
});
