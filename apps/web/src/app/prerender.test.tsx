import { describe, expect, it } from "vitest";

import { renderSignIn } from "./prerender";

describe("the sign-in form drawn at build time", () => {
  it("is the form in bokmål, disabled until the app takes over", () => {
    const html = renderSignIn();
    expect(html).toMatch(/^<fieldset disabled="" class="prerendered">/);
    expect(html).toContain(">Logg inn</h1>");
    expect(html).toContain('id="sign-in-email"');
    expect(html).toContain('id="sign-in-password"');
  });

  it("draws the demo accounts' heading and introduction between markers for the server, without the table", () => {
    const demo = /<!--demo-accounts:start-->(.*)<!--demo-accounts:end-->/.exec(renderSignIn())?.[1] ?? "";
    expect(demo).toMatch(/^<section aria-labelledby="demo-accounts-heading" class="demo-accounts">.*<\/section>$/);
    expect(demo).toContain(">Demobrukere</h2>");
    expect(demo).not.toContain("<table");
    // The app's own section, with the table, is the one tests and users wait for.
    expect(demo).not.toContain("data-testid");
  });
});
