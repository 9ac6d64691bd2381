import { findUserByEmail, linkUserIdentity } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { breakTable, findFailure } from "../../test/break-table";
import { renderApp } from "../../test/render";

const ADMIN = { as: "admin@demo.example" };

/** The text a field's aria-describedby points at: its description and its error message. */
function describedText(field: HTMLElement): string {
  return (field.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
    .join(" ");
}

async function openUsers(options: { as: string; language?: "nb" | "en" } = ADMIN) {
  const app = renderApp("/admin/brukere", options);
  await screen.findByRole("table", { name: /brukere med roller og status|users with roles and status/ });
  return app;
}

function userRow(email: string): HTMLElement {
  return screen.getByTestId(`user-${email}`);
}

function fillCreateForm(values: { email: string; name: string; role: string; municipalityNumber?: string; sector?: string }) {
  const form = screen.getByRole("region", { name: "Opprett bruker" });
  fireEvent.change(within(form).getByLabelText("E-post"), { target: { value: values.email } });
  fireEvent.change(within(form).getByLabelText("Navn"), { target: { value: values.name } });
  fireEvent.change(within(form).getByLabelText("Rolle"), { target: { value: values.role } });
  if (values.municipalityNumber !== undefined) {
    fireEvent.change(within(form).getByLabelText("Kommunenummer", { exact: false }), { target: { value: values.municipalityNumber } });
  }
  if (values.sector !== undefined) fireEvent.change(within(form).getByLabelText("Sektor"), { target: { value: values.sector } });
  fireEvent.click(within(form).getByRole("button", { name: "Opprett bruker" }));
  return form;
}

describe("admin: users page", () => {
  it("lists users with readable roles and status, and sets the page title", async () => {
    await openUsers();
    expect(screen.getByRole("heading", { level: 1, name: "Brukere" })).toBeTruthy();
    expect(document.title).toBe("Brukere – Målestokk");
    const finance = userRow("finance.4601@demo.example");
    expect(within(finance).getByText("Økonomi, Bergen (4601)")).toBeTruthy();
    expect(within(finance).getByText("Demobruker")).toBeTruthy();
    expect(within(userRow("council@demo.example")).getByText("Kommunalt prioriteringsråd (KPR), Helse og velferd")).toBeTruthy();
    expect(within(userRow("admin@demo.example")).getByText("Administrator")).toBeTruthy();
  });

  it("creates a finance user for Bergen, shows the one-time reset link and the new row", async () => {
    await openUsers();
    const form = screen.getByRole("region", { name: "Opprett bruker" });
    // The municipality field appears only for roles that need one.
    expect(within(form).queryByLabelText("Kommunenummer", { exact: false })).toBeNull();
    fillCreateForm({ email: "Kari.Nordmann@Bergen.kommune.no", name: "Kari Nordmann", role: "finance", municipalityNumber: "4601" });

    const dialog = await screen.findByRole("dialog", { name: "Brukeren Kari.Nordmann@Bergen.kommune.no er opprettet" });
    const link = within(dialog).getByLabelText<HTMLInputElement>("Lenke for å velge passord");
    expect(link.value).toMatch(new RegExp(`^${window.location.origin}/tilbakestill-passord#[A-Za-z0-9_-]{20,}$`));
    expect(link.readOnly).toBe(true);
    expect(within(dialog).getByText(/vises bare denne ene gangen/)).toBeTruthy();
    expect(describedText(link)).toMatch(/Kan brukes én gang, og gjelder til \d+\. \p{L}+\.? \d{4}/u);

    fireEvent.click(within(dialog).getByRole("button", { name: "Kopier lenken" }));
    expect(await within(dialog).findByText("Lenken er kopiert.")).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(link.value);

    const row = await screen.findByTestId("user-kari.nordmann@bergen.kommune.no");
    expect(within(row).getByRole("rowheader", { name: "Kari Nordmann" })).toBeTruthy();
    expect(within(row).getByText("Økonomi, Bergen (4601)")).toBeTruthy();
    expect(within(row).getByText("Har ikke satt passord ennå")).toBeTruthy();

    // Closing the dialog forgets the link: it is shown once.
    fireEvent.click(within(dialog).getAllByRole("button", { name: "Lukk" }).at(-1) ?? dialog);
    await waitFor(() => expect(screen.queryByDisplayValue(/tilbakestill-passord#/)).toBeNull());
    expect(screen.getByTestId("create-user-done").textContent).toContain("er opprettet");
    expect(within(form).getByLabelText<HTMLInputElement>("E-post").value).toBe("");
  });

  it("shows a duplicate e-mail next to the e-mail field and in the error summary", async () => {
    await openUsers();
    fillCreateForm({ email: "board@demo.example", name: "Ny styreleder", role: "board" });
    const email = screen.getByLabelText("E-post");
    await waitFor(() => expect(describedText(email)).toContain("Det finnes allerede en bruker med e-postadressen."));
    expect(email.getAttribute("aria-invalid")).toBe("true");
    const summary = screen.getByTestId("create-user-errors");
    expect(within(summary).getByText("Skjemaet har feil som må rettes:")).toBeTruthy();
    expect(
      within(summary)
        .getByRole("link", { name: /Det finnes allerede en bruker/ })
        .getAttribute("href"),
    ).toBe("#create-user-email");
    expect(document.activeElement).toBe(summary);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("checks the form before sending it: required fields, the municipality and the sector", async () => {
    await openUsers();
    fillCreateForm({ email: "", name: " ", role: "" });
    const summary = await screen.findByTestId("create-user-errors");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["Skriv inn e-postadressen.", "Skriv inn navnet til brukeren.", "Velg en rolle."]);

    fillCreateForm({ email: "ikke-en-adresse", name: "Leder", role: "manager", municipalityNumber: "46" });
    await waitFor(() =>
      expect(describedText(screen.getByLabelText("Kommunenummer", { exact: false }))).toContain(
        "Kommunenummeret har fire sifre, for eksempel 4601.",
      ),
    );
    expect(describedText(screen.getByLabelText("E-post"))).toContain("Skriv en gyldig e-postadresse");

    // A well-formed number that is no municipality is the server's answer.
    fillCreateForm({ email: "leder@example.no", name: "Leder", role: "manager", municipalityNumber: "9999" });
    await waitFor(() =>
      expect(describedText(screen.getByLabelText("Kommunenummer", { exact: false }))).toContain(
        "Fant ingen kommune eller IKT-samarbeid med nummer 9999.",
      ),
    );

    fillCreateForm({ email: "rad@example.no", name: "Rådsmedlem", role: "sectorCouncil" });
    await waitFor(() => expect(describedText(screen.getByLabelText("Sektor"))).toContain("Velg sektoren prioriteringsrådet hører til."));
  });

  it("removes a role after confirmation in a dialog, and can be cancelled", async () => {
    await openUsers();
    const removeButton = within(userRow("finance.4601@demo.example")).getByRole("button", {
      name: "Fjern rollen Økonomi, Bergen (4601) fra Demo økonomi 4601",
    });

    fireEvent.click(removeButton);
    let dialog = await screen.findByRole("dialog", { name: "Fjerne rollen?" });
    expect(within(dialog).getByText(/mister rollen Økonomi, Bergen \(4601\) med en gang/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(within(userRow("finance.4601@demo.example")).getByText("Økonomi, Bergen (4601)")).toBeTruthy();

    fireEvent.click(removeButton);
    dialog = await screen.findByRole("dialog", { name: "Fjerne rollen?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Fjern rollen" }));
    await waitFor(() => expect(within(userRow("finance.4601@demo.example")).getByText("Ingen roller")).toBeTruthy());
    expect(screen.getByTestId("user-notice").textContent).toBe("Rollen Økonomi, Bergen (4601) er fjernet fra Demo økonomi 4601.");
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("refuses to remove the last administrator and says why in the dialog", async () => {
    await openUsers();
    fireEvent.click(
      within(userRow("admin@demo.example")).getByRole("button", { name: "Fjern rollen Administrator fra Demo administrator" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Fjerne rollen?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Fjern rollen" }));
    expect(await within(dialog).findByRole("alert")).toHaveProperty(
      "textContent",
      "Dette er den siste administratoren. Gi en annen bruker rollen Administrator først.",
    );
    expect(within(userRow("admin@demo.example")).getByText("Administrator")).toBeTruthy();
  });

  it("adds a role, asking for the sector a sector council needs", async () => {
    await openUsers();
    fireEvent.click(within(userRow("board@demo.example")).getByRole("button", { name: "Legg til rolle for Demo programstyret" }));
    const dialog = await screen.findByRole("dialog", { name: "Legg til rolle for Demo programstyret" });
    fireEvent.change(within(dialog).getByLabelText("Rolle"), { target: { value: "sectorCouncil" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Legg til rollen" }));
    const sector = within(dialog).getByLabelText<HTMLSelectElement>("Sektor");
    await waitFor(() => expect(describedText(sector)).toContain("Velg sektoren prioriteringsrådet hører til."));
    fireEvent.change(sector, { target: { value: "skoleOppvekst" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Legg til rollen" }));
    await waitFor(() =>
      expect(within(userRow("board@demo.example")).getByText("Kommunalt prioriteringsråd (KPR), Skole og oppvekst")).toBeTruthy(),
    );
    expect(screen.getByTestId("user-notice").textContent).toContain("Demo programstyret har fått rollen");

    // The same role again is refused next to the role field.
    fireEvent.click(within(userRow("board@demo.example")).getByRole("button", { name: "Legg til rolle for Demo programstyret" }));
    const again = await screen.findByRole("dialog", { name: "Legg til rolle for Demo programstyret" });
    fireEvent.change(within(again).getByLabelText("Rolle"), { target: { value: "board" } });
    fireEvent.click(within(again).getByRole("button", { name: "Legg til rollen" }));
    await waitFor(() => expect(describedText(within(again).getByLabelText("Rolle"))).toContain("Brukeren har allerede denne rollen."));
  });

  it("disables and enables a user after confirmation, and will not disable the admin's own account", async () => {
    await openUsers();
    fireEvent.click(within(userRow("manager.0301@demo.example")).getByRole("button", { name: "Deaktiver Demo leder 0301" }));
    let dialog = await screen.findByRole("dialog", { name: "Deaktivere brukeren?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Deaktiver brukeren" }));
    await waitFor(() => expect(within(userRow("manager.0301@demo.example")).getByText("Deaktivert")).toBeTruthy());

    fireEvent.click(within(userRow("manager.0301@demo.example")).getByRole("button", { name: "Aktiver Demo leder 0301" }));
    dialog = await screen.findByRole("dialog", { name: "Aktivere brukeren?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Aktiver brukeren" }));
    await waitFor(() => expect(within(userRow("manager.0301@demo.example")).queryByText("Deaktivert")).toBeNull());

    // The admin's own row offers no way to lock themselves out (the server refuses it too).
    expect(within(userRow("admin@demo.example")).queryByRole("button", { name: "Deaktiver Demo administrator" })).toBeNull();
  });

  it("makes a new reset link for an existing user", async () => {
    await openUsers();
    fireEvent.click(within(userRow("secretariat@demo.example")).getByRole("button", { name: "Lag passordlenke for Demo sekretariatet" }));
    const dialog = await screen.findByRole("dialog", { name: "Passordlenke for Demo sekretariatet" });
    expect(within(dialog).getByLabelText<HTMLInputElement>("Lenke for å velge passord").value).toContain("/tilbakestill-passord#");
  });

  it("shows a user linked to an identity provider, and unlinks after confirmation", async () => {
    const app = renderApp("/admin/brukere", ADMIN);
    // Linked before the page reads the users (the route loads lazily), as after a first provider sign-in.
    const manager = findUserByEmail(app.db, "manager.5001@demo.example");
    if (!manager) throw new Error("no demo manager");
    linkUserIdentity(app.db, {
      issuer: "https://login.example/tenant",
      subject: "abc-123",
      userId: manager.id,
      now: new Date().toISOString(),
    });
    await screen.findByRole("table", { name: /brukere med roller og status/ });

    const row = userRow("manager.5001@demo.example");
    expect(within(row).getByText("Koblet til innloggingstjeneste")).toBeTruthy();
    expect(within(userRow("manager.0301@demo.example")).queryByText("Koblet til innloggingstjeneste")).toBeNull();
    expect(
      within(userRow("manager.0301@demo.example")).queryByRole("button", { name: /Fjern kobling til innloggingstjeneste/ }),
    ).toBeNull();

    const unlink = within(row).getByRole("button", { name: "Fjern kobling til innloggingstjeneste for Demo leder 5001" });
    fireEvent.click(unlink);
    let dialog = await screen.findByRole("dialog", { name: "Fjerne koblingen til innloggingstjenesten?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(within(row).getByText("Koblet til innloggingstjeneste")).toBeTruthy();

    fireEvent.click(unlink);
    dialog = await screen.findByRole("dialog", { name: "Fjerne koblingen til innloggingstjenesten?" });
    expect(within(dialog).getByText(/på nytt etter bekreftet e-postadresse/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Fjern koblingen" }));
    await waitFor(() => expect(within(userRow("manager.5001@demo.example")).queryByText("Koblet til innloggingstjeneste")).toBeNull());
    expect(screen.getByTestId("user-notice").textContent).toBe("Koblingen til innloggingstjenesten er fjernet for Demo leder 5001.");
    expect(app.sqlite.prepare("select count(*) as n from user_identities").get()).toEqual({ n: 0 });
    expect(app.sqlite.prepare("select count(*) as n from audit_log where action = 'admin.identitiesUnlinked'").get()).toEqual({ n: 1 });
  });

  it("speaks English when the user has chosen it", async () => {
    await openUsers({ ...ADMIN, language: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "Users" })).toBeTruthy();
    expect(within(userRow("finance.4601@demo.example")).getByText("Finance, Bergen (4601)")).toBeTruthy();
  });

  it("tells a non-administrator that the page is for administrators only", async () => {
    renderApp("/admin/brukere", { as: "board@demo.example" });
    const message = await screen.findByTestId("admin-forbidden");
    expect(message.textContent).toContain("Bare administratorer har tilgang til denne siden.");
    expect(screen.getByRole("heading", { level: 1, name: "Brukere" })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Opprett bruker" })).toBeNull();
  });

  it("says when the two-step policy could not be read, and retries", async () => {
    const { sqlite } = renderApp("/admin/brukere", ADMIN);
    const restore = breakTable(sqlite, "app_settings");
    const { retry } = await findFailure("second-factor-policy-error");
    restore();
    fireEvent.click(retry);
    expect(await screen.findByRole("switch", { name: /Krev totrinnsinnlogging/ })).toBeTruthy();
    expect(screen.queryByTestId("second-factor-policy-error")).toBeNull();
  });
});
