import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("the open data API page (issue 23, point 2)", () => {
  it("is open without signing in, linked from the footer, and describes every endpoint with parameters and a curl line", async () => {
    renderApp("/api-dokumentasjon");
    expect(await screen.findByRole("heading", { level: 1, name: "Åpne data: API" })).toBeTruthy();
    expect(screen.queryByLabelText("Passord")).toBeNull();
    for (const endpoint of ["indicators", "units", "values", "groups", "statistics"])
      expect(screen.getByRole("heading", { level: 2, name: `GET /api/v1/${endpoint}` })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Parametere til values" })).toBeTruthy();
    expect(screen.getByText(/curl '.*\/api\/v1\/values\?indicator=K1&unit=5001&year=2020-2025'/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "OpenAPI 3.1-beskrivelsen (openapi.json)" }).getAttribute("href")).toBe("/api/v1/openapi.json");
    expect(within(screen.getByRole("contentinfo")).getByRole("link", { name: "Åpne data (API)" }).getAttribute("href")).toBe(
      "/api-dokumentasjon",
    );
  });

  it("is in nynorsk for a nynorsk reader", async () => {
    renderApp("/api-dokumentasjon", { language: "nn" });
    expect(await screen.findByRole("heading", { level: 1, name: "Opne data: API" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Parametrar til statistics" })).toBeTruthy();
  });
});
