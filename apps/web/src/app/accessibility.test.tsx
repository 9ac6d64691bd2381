import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/render";

describe("the accessibility page (docs/quality-targets.md#s-13)", () => {
  it("is open without signing in and is linked from every page's footer", async () => {
    renderApp("/tilgjengelighet");
    expect(await screen.findByRole("heading", { level: 1, name: "Tilgjengelighet i Målestokk" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Tilgjengelighetserklæringer på uustatus.no" }).getAttribute("href")).toMatch(
      /^https:\/\/www\.uustatus\.no\//,
    );
    expect(screen.queryByLabelText("Passord")).toBeNull();
    const footer = screen.getByRole("contentinfo");
    expect(within(footer).getByRole("link", { name: "Tilgjengelighet" }).getAttribute("href")).toBe("/tilgjengelighet");
  });

  it("is in English when the user reads English", async () => {
    renderApp("/tilgjengelighet", { language: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Accessibility in Målestokk" })).toBeTruthy();
    expect(screen.getByText(/has not been tested systematically by screen reader users/)).toBeTruthy();
  });

  it("has the footer link on the sign-in page too", async () => {
    renderApp("/kommune/0301");
    await screen.findByRole("heading", { level: 1, name: "Logg inn" });
    expect(within(screen.getByRole("contentinfo")).getByRole("link", { name: "Tilgjengelighet" })).toBeTruthy();
  });
});
