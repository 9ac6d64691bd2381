import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { renderApp } from "../../test/render";

const drawnMap = async (key: RegExp) => {
  await waitFor(() => expect(document.querySelector("svg.municipality-map")?.getAttribute("data-drawn")).toMatch(key), { timeout: 10_000 });
  return document.querySelector("svg.municipality-map") as SVGSVGElement;
};

/**
 * IntersectionObserver as the browser has it (happy-dom's never reports): every map on screen at once, unless
 * `held` keeps them off screen until `reveal()`.
 */
class ScreenObserver {
  static held = false;
  static readonly waiting: ScreenObserver[] = [];
  private target: Element | null = null;
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.target = target;
    if (ScreenObserver.held) ScreenObserver.waiting.push(this);
    else queueMicrotask(() => this.report());
  }
  report() {
    if (this.target)
      this.callback([{ target: this.target, isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  unobserve() {}
  disconnect() {
    this.target = null;
  }
  takeRecords() {
    return [];
  }
  static reveal() {
    for (const observer of ScreenObserver.waiting.splice(0)) observer.report();
  }
}

beforeEach(() => {
  ScreenObserver.held = false;
  vi.stubGlobal("IntersectionObserver", ScreenObserver);
});
afterEach(() => vi.unstubAllGlobals());

describe("the map drawn when it comes near the screen (issue 21)", () => {
  it("keeps the map's room with nothing drawn until it is near the screen, then draws it", async () => {
    ScreenObserver.held = true;
    renderApp("/sektor?year=2024", { as: "board@demo.example" });
    await screen.findByTestId("headline-tiles");
    const frame = await waitFor(() => {
      const found = document.querySelector(".municipality-map__frame");
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    expect(frame.querySelector(".municipality-map__reserve")).not.toBeNull();
    expect(frame.querySelector("svg.municipality-map")).toBeNull();
    act(() => ScreenObserver.reveal());
    const svg = await drawnMap(/^K1\|2024\|municipality/);
    expect(svg.querySelectorAll("[data-number]")).toHaveLength(357);
  });
});

describe("the map on the indicator page (issue 24)", () => {
  it("draws every municipality, outlines the own one, highlights its group and says what the figure means", async () => {
    renderApp("/kommune/5001/indikator/K1?year=2024&peers=county", { as: "manager.5001@demo.example" });
    const svg = await drawnMap(/^K1\|2024\|municipality\|\|quantiles$/);
    expect(svg.querySelectorAll("[data-number]")).toHaveLength(357);
    expect(svg.querySelector('[data-own-outline="5001"]')).not.toBeNull();
    const own = svg.querySelector('[data-number="5001"]') as SVGElement;
    expect(own.getAttribute("href")).toBe("/kommune/5001/indikator/K1");
    expect(own.getAttribute("aria-label")).toMatch(/^Trondheim: [\d\s]+\skr, klasse \d av 5 \(din kommune\)$/);
    // Trøndelag's municipalities are the group: highlighted, the others dimmed.
    const peers = [...svg.querySelectorAll("[data-peer]")].map((p) => p.getAttribute("data-number") ?? "");
    expect(peers.length).toBeGreaterThan(10);
    expect(peers.every((n) => n.startsWith("50"))).toBe(true);
    expect(svg.querySelector('[data-number="0301"] path')?.getAttribute("fill-opacity")).toBe("0.35");
    expect(screen.getByTestId("figure-sentence").textContent).toMatch(
      /^Trondheim bruker [\d\s]+\skr \(IKT-kostnad per innbygger\); \d+ av \d+ andre kommuner i gruppen bruker mindre\. Medianen i gruppen er [\d\s]+\skr\.$/,
    );
    expect(screen.getByText("Kartgrunnlag: Kartverket (CC BY 4.0)")).toBeTruthy();
  });

  it("moves focus by the arrow keys, shows name and value, and opens a municipality with Enter", async () => {
    const { router } = renderApp("/kommune/5001/indikator/K1?year=2024&peers=county", { as: "manager.5001@demo.example" });
    const svg = await drawnMap(/^K1\|2024/);
    const own = svg.querySelector('[data-number="5001"]') as SVGElement;
    expect(own.getAttribute("tabindex")).toBe("0");
    fireEvent.focus(own);
    expect(screen.getByTestId("map-info").textContent).toMatch(/^Trondheim: /);
    own.focus();
    fireEvent.keyDown(own, { key: "ArrowRight" });
    const next = document.activeElement as SVGElement;
    fireEvent.focus(next);
    expect(next.getAttribute("data-number")).not.toBe("5001");
    expect(next.getAttribute("tabindex")).toBe("0");
    expect(screen.getByTestId("map-info").textContent).not.toMatch(/^Trondheim: /);
    fireEvent.click(next);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/kommune/${next.getAttribute("data-number")}/indikator/K1`));
  });

  it("zooms to a county, shows counties by ratio of sums, and has every figure in its table twin", async () => {
    const { router } = renderApp("/kommune/5001/indikator/K1?year=2024&peers=county", { as: "manager.5001@demo.example" });
    await drawnMap(/^K1\|2024/);
    fireEvent.change(screen.getByLabelText("Zoom til fylke"), { target: { value: "56" } });
    const zoomed = await drawnMap(/\|56\|/);
    expect([...zoomed.querySelectorAll("[data-number]")].every((u) => u.getAttribute("data-number")?.startsWith("56"))).toBe(true);
    fireEvent.change(screen.getByLabelText("Vis"), { target: { value: "county" } });
    const counties = await drawnMap(/\|county\|/);
    expect(counties.querySelectorAll("[data-number]")).toHaveLength(15);
    fireEvent.keyDown(counties.querySelector('[data-number="46"]') as SVGElement, { key: "Enter" });
    await waitFor(() => expect(router.state.location.search).toContain("mapFylke=46"));

    fireEvent.click(within(screen.getByRole("region", { name: /^Kart: / })).getByRole("radio", { name: "Tabell" }));
    const table = await screen.findByRole("table", { name: "Kart: IKT-kostnad per innbygger 2024" });
    expect(within(table).getAllByRole("row")).toHaveLength(358);
    expect(within(table).getByText("Trondheim (din kommune)")).toBeTruthy();
  });
});

describe("the map on the sector dashboard", () => {
  it("shows the whole country for the indicator chosen on the map, without a group", async () => {
    const { router } = renderApp("/sektor?year=2024", { as: "board@demo.example" });
    await drawnMap(/^K1\|2024/);
    fireEvent.change(await screen.findByLabelText("Indikator på kartet"), { target: { value: "S1" } });
    const svg = await drawnMap(/^S1\|2024/);
    await waitFor(() => expect(router.state.location.search).toContain("kart=S1"));
    expect(svg.querySelectorAll("[data-number]")).toHaveLength(357);
    expect(svg.querySelector("[data-own-outline]")).toBeNull();
    expect(svg.querySelector("[data-peer]")).toBeNull();
  });
});

describe("the map on the open pages (issues 23 and 24)", () => {
  it("shows anyone the published figures of the year shown, each municipality leading to its open page", async () => {
    renderApp("/apne-data/indikator/K1?aar=2024");
    const svg = await drawnMap(/^K1\|2024\|municipality\|/);
    expect(svg.querySelectorAll("[data-number]")).toHaveLength(357);
    expect(svg.querySelector('[data-number="5001"]')?.getAttribute("href")).toBe("/apne-data/kommune/5001");
    expect(svg.querySelector("[data-own-outline]")).toBeNull();
    expect(screen.getByText("Kartgrunnlag: Kartverket (CC BY 4.0)")).toBeTruthy();
  });
});
