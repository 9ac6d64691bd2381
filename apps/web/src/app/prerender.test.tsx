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
});
