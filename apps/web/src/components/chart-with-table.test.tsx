import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

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

/** IntersectionObserver as the browser has it, with `reveal()` for a figure scrolled into view (happy-dom's never reports). */
class SeenObserver {
  static readonly all: SeenObserver[] = [];
  readonly targets: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    SeenObserver.all.push(this);
  }
  observe(target: Element) {
    this.targets.push(target);
  }
  unobserve() {}
  disconnect() {
    this.targets.length = 0;
  }
  takeRecords() {
    return [];
  }
  static reveal() {
    for (const o of SeenObserver.all)
      if (o.targets.length > 0)
        o.callback(
          o.targets.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
          o as unknown as IntersectionObserver,
        );
  }
}

describe("charts drawn when they come near the screen (issue 21)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("holds each chart's room until its figure is seen, then draws it; its table twin stays one click away", async () => {
    vi.stubGlobal("IntersectionObserver", SeenObserver);
    // happy-dom lays nothing out, so recharts warns that its container has no size.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { container } = renderApp("/kommune/0301/indikator/K1?year=2024", { as: "board@demo.example" });
    const series = await screen.findByRole("region", { name: "Utvikling over tid" });
    const reserve = series.querySelector<HTMLElement>(".chart-with-table__reserve");
    expect(reserve?.style.height).toBe("300px");
    expect(container.querySelector(".chart-frame")).toBeNull();
    act(() => SeenObserver.reveal());
    await waitFor(() => expect(series.querySelector(".chart-frame")).not.toBeNull());
    expect((series.querySelector(".chart-frame") as HTMLElement).style.height).toBe("300px");
    expect(series.querySelector(".chart-with-table__reserve")).toBeNull();

    fireEvent.click(within(series).getByRole("radio", { name: "Tabell" }));
    expect(await within(series).findByRole("table", { name: "Utvikling over tid" })).toBeTruthy();
  });
});
