import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp, TEST_PASSWORD } from "../test/render";

const FINANCE = "finance.0301@demo.example";

function languageOf(sqlite: ReturnType<typeof renderApp>["sqlite"], email: string): unknown {
  return (sqlite.prepare("select language from users where email = ?").get(email) as { language: unknown }).language;
}

describe("the language switch (issue 22, points 1 and 2)", () => {
  it("offers bokmål, nynorsk and English, each named in itself with its lang, and keeps the choice on the account", async () => {
    const { sqlite, i18n } = renderApp("/", { as: FINANCE });
    expect(await screen.findByTestId("signed-in-as")).toBeTruthy();
    const group = await screen.findByRole("group", { name: "Språk" });
    const buttons = within(group).getAllByRole("button");
    expect(buttons.map((b) => [b.textContent, b.getAttribute("lang")])).toEqual([
      ["Bokmål", "nb"],
      ["Nynorsk", "nn"],
      ["English", "en"],
    ]);
    expect(languageOf(sqlite, FINANCE)).toBeNull();
    fireEvent.click(within(group).getByRole("button", { name: "Nynorsk" }));
    await waitFor(() => expect(document.documentElement.lang).toBe("nn"));
    expect(i18n.language).toBe("nn");
    expect(within(group).getByRole("button", { name: "Nynorsk" }).getAttribute("aria-pressed")).toBe("true");
    await waitFor(() => expect(languageOf(sqlite, FINANCE)).toBe("nn"));
  });

  it("applies the account's language at sign-in, above the municipality's written standard", async () => {
    const { sqlite } = renderApp("/");
    sqlite.prepare("update users set language = 'en' where email = ?").run(FINANCE);
    sqlite.prepare("update organisations set written_standard = 'nynorsk' where number = '5001'").run();
    await signIn(FINANCE);
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    // The account's language is a choice: the sign-in page shows it next time too.
    expect(window.localStorage.getItem("malestokk.language")).toBe("en");
  });

  it("before a choice follows the municipality's written standard: nynorsk gives nn, not remembered as a choice", async () => {
    const { sqlite } = renderApp("/");
    sqlite.prepare("update organisations set written_standard = 'nynorsk' where number = '5001'").run();
    await signIn("manager.5001@demo.example");
    await waitFor(() => expect(document.documentElement.lang).toBe("nn"));
    expect(window.localStorage.getItem("malestokk.language")).toBeNull();
  });
});

async function signIn(email: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText("E-post"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText("Passord"), { target: { value: TEST_PASSWORD } });
  fireEvent.click(screen.getByRole("button", { name: "Logg inn" }));
  expect(await screen.findByTestId("signed-in-as")).toBeTruthy();
}
