import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/render";

const QUESTION = "Du har endringer som ikke er lagret. Vil du forlate siden?";

/** The leave dialog, once open: its question and its two choices. */
async function leaveDialog() {
  const dialog = await screen.findByRole("dialog", { name: "Endringene er ikke lagret" });
  expect(within(dialog).getByText(QUESTION)).toBeTruthy();
  return {
    stay: () => fireEvent.click(within(dialog).getByRole("button", { name: "Bli her" })),
    leave: () => fireEvent.click(within(dialog).getByRole("button", { name: "Forlat siden" })),
  };
}

/** Whether closing or reloading the tab now would ask first (the browser shows its own prompt). */
function unloadIsBlocked(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Stavanger's 2024 cost report, returned by the admin (who holds every role) so that it can be edited. */
async function returnedReport() {
  const rendered = renderApp("/kommune/1103/kostnader/2024", { as: "admin@demo.example" });
  fireEvent.click(await screen.findByRole("button", { name: "Send tilbake" }));
  fireEvent.change(await screen.findByLabelText("Kommentar til økonomi"), { target: { value: "Rett linjene" } });
  fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Send tilbake" }));
  await screen.findByTestId("report-returned");
  return rendered;
}

/** A click on "Kommuner" in the main menu: in-app navigation to the list (at /kommuner since «Min kommune», issue 20 point 11). */
const toList = () => fireEvent.click(within(screen.getByRole("navigation", { name: "Hovedmeny" })).getByRole("link", { name: "Kommuner" }));

describe("leaving a form with unsaved changes (issue 18)", () => {
  it("the cost report asks before the user leaves: «Bli her» keeps what was typed, and after a save it lets go", async () => {
    const { router } = await returnedReport();
    // Nothing typed yet: nothing to ask about.
    expect(unloadIsBlocked()).toBe(false);

    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 1"), { target: { value: "1 234" } });
    expect(unloadIsBlocked()).toBe(true);
    toList();
    (await leaveDialog()).stay();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(router.state.location.pathname).toBe("/kommune/1103/kostnader/2024");
    expect(screen.getByLabelText<HTMLInputElement>("Beløp (kr), linje 1").value).toBe("1 234");

    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await screen.findByText("Lagret.");
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
    toList();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("«Forlat siden» leaves, and changing only the query string of the same page is not leaving", async () => {
    const { router } = await returnedReport();
    fireEvent.change(screen.getByLabelText("Beløp (kr), linje 1"), { target: { value: "1 234" } });

    await router.navigate("/kommune/1103/kostnader/2024?vis=alt");
    expect(router.state.location.search).toBe("?vis=alt");
    expect(screen.queryByRole("dialog")).toBeNull();

    toList();
    (await leaveDialog()).leave();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
  });

  it.each([
    [
      "maturity",
      "/kommune/0301/modenhet/2020",
      () => fireEvent.change(screen.getAllByLabelText("Kommentar")[0] as HTMLElement, { target: { value: "Godt i gang" } }),
    ],
    [
      "satisfaction",
      "/kommune/0301/tilfredshet/2020",
      () => fireEvent.change(screen.getByLabelText("Gjennomsnitt"), { target: { value: "4,2" } }),
    ],
    [
      "scope",
      "/kommune/0301/tjenester/2020",
      () => fireEvent.change(screen.getByLabelText("Trinn: Byggesøknad"), { target: { value: "4" } }),
    ],
  ])("the %s form asks before the user leaves it", async (_name, path, edit) => {
    const { router } = renderApp(path, { as: "manager.0301@demo.example" });
    await screen.findByTestId("quality-missing");
    edit();
    expect(unloadIsBlocked()).toBe(true);
    toList();
    (await leaveDialog()).stay();
    expect(router.state.location.pathname).toBe(path);
    toList();
    (await leaveDialog()).leave();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
  });

  it("the scope form lets the user go without asking once its changes are saved", async () => {
    const { router } = renderApp("/kommune/0301/tjenester/2020", { as: "manager.0301@demo.example" });
    fireEvent.change(await screen.findByLabelText("Trinn: Byggesøknad"), { target: { value: "4" } });
    expect(unloadIsBlocked()).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await waitFor(() => expect(screen.getByTestId("quality-message").textContent).toBe("Lagret."));
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
    toList();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("a benefit being added asks before the user leaves the project, but not once it is cancelled", async () => {
    const { router } = renderApp("/kommune/5001/gevinster", { as: "manager.5001@demo.example" });
    fireEvent.click(await screen.findByRole("link", { name: "Velferdsteknologi i hjemmetjenesten" }));
    // The plan's own list: the template section of a project has a button of the same name.
    fireEvent.click(within(await screen.findByRole("region", { name: "Gevinster" })).getByRole("button", { name: "Legg til gevinst" }));
    const form = screen.getByTestId("benefit-form");
    // An opened form without changes lets the user go.
    expect(unloadIsBlocked()).toBe(false);
    fireEvent.change(within(form).getByLabelText("Gevinst"), { target: { value: "Færre fall" } });
    expect(unloadIsBlocked()).toBe(true);
    const page = router.state.location.pathname;
    toList();
    (await leaveDialog()).stay();
    expect(router.state.location.pathname).toBe(page);
    fireEvent.click(within(form).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
    toList();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
  });

  it("an idea being written asks before the user leaves the page", async () => {
    const { router } = renderApp("/ideer", { as: "manager.0301@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Meld inn en idé" }));
    const form = screen.getByTestId("idea-form");
    expect(unloadIsBlocked()).toBe(false);
    fireEvent.change(within(form).getByLabelText("Tittel"), { target: { value: "Felles chatbot" } });
    expect(unloadIsBlocked()).toBe(true);
    toList();
    (await leaveDialog()).leave();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
  });

  it("an idea that is sent lets the user go without asking", async () => {
    const { router } = renderApp("/ideer", { as: "manager.0301@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Meld inn en idé" }));
    const form = screen.getByTestId("idea-form");
    fireEvent.change(within(form).getByLabelText("Tittel"), { target: { value: "Felles chatbot" } });
    fireEvent.change(within(form).getByLabelText("Problemet som skal løses"), { target: { value: "Mange like spørsmål" } });
    fireEvent.change(within(form).getByLabelText("Forventede gevinster"), { target: { value: "Frigjort tid" } });
    fireEvent.change(within(form).getByLabelText("Grovt anslått kostnad (kr)"), { target: { value: "1 500 000" } });
    expect(unloadIsBlocked()).toBe(true);
    fireEvent.click(within(form).getByRole("button", { name: "Meld inn" }));
    await screen.findByTestId("idea-sent");
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
    toList();
    await waitFor(() => expect(router.state.location.pathname).toBe("/kommuner"));
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
