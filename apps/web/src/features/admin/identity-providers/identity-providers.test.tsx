import { listIdentityProviders, setSetting } from "@malestokk/db";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../../test/render";

const ADMIN = { as: "admin@demo.example" };
const SECRET = "very-secret-client-value-42";

/** The text a field's aria-describedby points at: its description and its error message. */
function describedText(field: HTMLElement): string {
  return (field.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => (id ? (document.getElementById(id)?.textContent ?? "") : ""))
    .join(" ");
}

async function openPage(options: { as: string; language?: "nb" | "en"; publicOrigin?: string | null; secretKey?: string } = ADMIN) {
  const app = renderApp("/admin/innlogging", options);
  await screen.findByRole("switch", { name: /Innlogging med passord|Password sign-in/ });
  return app;
}

function form(): HTMLElement {
  return screen.getByRole("region", { name: /Legg til innloggingstjeneste|Endre / });
}

function fill(values: {
  name?: string;
  slug?: string;
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  emailClaim?: string;
  organisations?: string;
}) {
  const f = form();
  const labels: Record<keyof typeof values, string> = {
    name: "Navn",
    slug: "Kortnavn",
    issuer: "Utsteder (issuer)",
    clientId: "Klient-ID",
    clientSecret: "Klienthemmelighet",
    emailClaim: "E-postfelt (claim)",
    organisations: "Kommuner og IKT-samarbeid",
  };
  for (const [key, value] of Object.entries(values) as [keyof typeof values, string | undefined][]) {
    if (value !== undefined) fireEvent.change(within(f).getByLabelText(labels[key]), { target: { value } });
  }
}

function submit(name = "Legg til tjenesten") {
  fireEvent.click(within(form()).getByRole("button", { name }));
}

const TRONDHEIM = {
  name: "Trondheim kommune (Entra ID)",
  slug: "trondheim-entra",
  issuer: "https://login.microsoftonline.com/tenant-id/v2.0",
  clientId: "client-123",
  clientSecret: SECRET,
  emailClaim: "preferred_username",
  organisations: "5001",
};

async function addTrondheim() {
  fill(TRONDHEIM);
  submit();
  return screen.findByTestId("provider-trondheim-entra");
}

describe("admin: sign-in page", () => {
  it("says what to do when no provider is set up, and shows the callback address", async () => {
    await openPage();
    expect(screen.getByRole("heading", { level: 1, name: "Innlogging" })).toBeTruthy();
    expect(document.title).toBe("Innlogging – Målestokk");
    expect(screen.getByText(/Ingen innloggingstjenester er satt opp/).textContent).toContain(
      "Legg til kommunens tjeneste med skjemaet under.",
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(within(screen.getByTestId("callback-uri")).getByText(`${window.location.origin}/auth/oidc/callback`).tagName).toBe("CODE");
    expect(screen.getByRole<HTMLInputElement>("switch", { name: "Innlogging med passord" }).checked).toBe(true);
    // The nav links to the page for administrators, under "Administrasjon".
    fireEvent.click(screen.getByRole("button", { name: "Administrasjon" }));
    expect(screen.getByRole("link", { name: "Innlogging" }).getAttribute("href")).toBe("/admin/innlogging");
  });

  it("says that sign-in through providers is closed until PUBLIC_ORIGIN is set, and how to set it, instead of a callback address", async () => {
    await openPage({ ...ADMIN, publicOrigin: null });
    const missing = screen.getByTestId("callback-uri");
    expect(within(missing).getByRole("heading", { name: "Innlogging med tjenestene under er stengt" })).toBeTruthy();
    expect(missing.textContent).toContain("Sett PUBLIC_ORIGIN til adressen brukerne når Målestokk på");
    expect(within(missing).queryByRole("button", { name: "Kopier adressen" })).toBeNull();
    expect(document.body.textContent).not.toContain(`${window.location.origin}/auth/oidc/callback`);
  });

  it("warns while secrets are stored in plain text (no SECRET_KEY), and not once they are sealed", async () => {
    await openPage();
    expect(screen.getByTestId("secrets-unsealed").textContent).toContain("SECRET_KEY er ikke satt på serveren");
    cleanup();
    await openPage({ ...ADMIN, secretKey: "a long random server key for the tests 0123456789" });
    expect(screen.queryByTestId("secrets-unsealed")).toBeNull();
  });

  it("adds a provider through the form; the table shows it, and the secret is never shown", async () => {
    const app = await openPage();
    const row = await addTrondheim();
    expect(within(row).getByRole("rowheader", { name: "Trondheim kommune (Entra ID)" })).toBeTruthy();
    expect(within(row).getByText("trondheim-entra")).toBeTruthy();
    expect(within(row).getByText("https://login.microsoftonline.com/tenant-id/v2.0")).toBeTruthy();
    expect(within(row).getByText("preferred_username")).toBeTruthy();
    expect(within(row).getByText("Trondheim (5001)")).toBeTruthy();
    expect(within(row).getByText("På")).toBeTruthy();
    expect(within(row).getByText("Klienthemmelighet lagret")).toBeTruthy();
    expect(screen.getByRole("table", { name: "1 innloggingstjeneste" })).toBeTruthy();
    expect(screen.getByTestId("identity-notice").textContent).toBe("Trondheim kommune (Entra ID) er lagt til.");

    // The form is empty again, and the secret is nowhere on the page.
    expect(within(form()).getByLabelText<HTMLInputElement>("Klienthemmelighet").value).toBe("");
    expect(within(form()).getByLabelText<HTMLInputElement>("Navn").value).toBe("");
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(listIdentityProviders(app.db)).toMatchObject([
      { slug: "trondheim-entra", clientSecret: SECRET, requireVerifiedEmail: true, enabled: true },
    ]);
  });

  it("marks a provider for national roles and as vouching for MFA with the amr and acr values that show it; both start off", async () => {
    const app = await openPage();
    fill(TRONDHEIM);
    const f = form();
    const national = within(f).getByRole<HTMLInputElement>("checkbox", { name: "Kan logge inn nasjonale roller" });
    const vouches = within(f).getByRole<HTMLInputElement>("checkbox", { name: "Tjenesten bekrefter totrinnsinnlogging" });
    expect([national.checked, vouches.checked]).toEqual([false, false]);
    expect(describedText(national)).toContain("Administratorer, programstyret, sekretariatet og kommunale prioriteringsråd");
    expect(describedText(vouches)).toContain("Ellers blir de bedt om koden fra autentiseringsappen i Målestokk");
    // The values appear once the provider is said to vouch for MFA, with the defaults filled in.
    expect(within(f).queryByLabelText("amr-verdier som viser totrinnsinnlogging")).toBeNull();
    fireEvent.click(national);
    fireEvent.click(vouches);
    const amr = within(f).getByLabelText<HTMLInputElement>("amr-verdier som viser totrinnsinnlogging");
    expect(amr.value).toBe("mfa, mca, otp, hwk, swk, fido");
    fireEvent.change(amr, { target: { value: "" } });
    fireEvent.change(within(f).getByLabelText("acr-verdier som viser totrinnsinnlogging"), { target: { value: "" } });
    submit();
    await screen.findByTestId("provider-errors");
    expect(describedText(within(form()).getByLabelText("amr-verdier som viser totrinnsinnlogging"))).toContain(
      "Skriv minst én amr- eller acr-verdi",
    );
    expect(listIdentityProviders(app.db)).toEqual([]);

    fireEvent.change(within(form()).getByLabelText("amr-verdier som viser totrinnsinnlogging"), { target: { value: "mfa, ngcmfa" } });
    fireEvent.change(within(form()).getByLabelText("acr-verdier som viser totrinnsinnlogging"), { target: { value: "idporten-loa-high" } });
    submit();
    const row = await screen.findByTestId("provider-trondheim-entra");
    expect(within(row).getByText("Nasjonale roller")).toBeTruthy();
    expect(within(row).getByText("Totrinn fra tjenesten")).toBeTruthy();
    expect(listIdentityProviders(app.db)).toMatchObject([
      { nationalRoles: true, vouchesForMfa: true, mfaAmrValues: ["mfa", "ngcmfa"], mfaAcrValues: ["idporten-loa-high"] },
    ]);

    // Editing shows what is stored.
    fireEvent.click(within(row).getByRole("button", { name: "Endre Trondheim kommune (Entra ID)" }));
    await screen.findByRole("heading", { name: "Endre Trondheim kommune (Entra ID)" });
    expect(within(form()).getByLabelText<HTMLInputElement>("amr-verdier som viser totrinnsinnlogging").value).toBe("mfa, ngcmfa");
    expect(within(form()).getByRole<HTMLInputElement>("checkbox", { name: "Kan logge inn nasjonale roller" }).checked).toBe(true);
  });

  it("shows field errors by the field and in the summary, saves nothing and keeps what was typed", async () => {
    const app = await openPage();
    fill({ ...TRONDHEIM, issuer: "http://idp.example", organisations: "5001, 12" });
    submit();
    const summary = await screen.findByTestId("provider-errors");
    expect(document.activeElement).toBe(summary);
    const issuer = screen.getByLabelText("Utsteder (issuer)");
    expect(describedText(issuer)).toContain("Adressen må begynne med https://");
    expect(issuer.getAttribute("aria-invalid")).toBe("true");
    expect(describedText(screen.getByLabelText("Kommuner og IKT-samarbeid"))).toContain("«12» er verken et kommunenummer");
    expect(
      within(summary)
        .getAllByRole("link")
        .map((l) => l.getAttribute("href")),
    ).toEqual(["#provider-issuer", "#provider-organisations"]);

    // A well-formed number that is in no register is the server's answer, shown by the same field.
    fill({ issuer: TRONDHEIM.issuer, organisations: "9999" });
    submit();
    await waitFor(() =>
      expect(describedText(screen.getByLabelText("Kommuner og IKT-samarbeid"))).toContain(
        "Fant ingen kommune eller IKT-samarbeid med nummer 9999.",
      ),
    );
    expect(describedText(screen.getByLabelText("Utsteder (issuer)"))).not.toContain("Adressen må begynne med https://");
    expect(listIdentityProviders(app.db)).toEqual([]);
    expect(screen.queryByRole("table")).toBeNull();
    expect(within(form()).getByLabelText<HTMLInputElement>("Navn").value).toBe(TRONDHEIM.name);
    expect(within(form()).getByLabelText<HTMLInputElement>("Klienthemmelighet").value).toBe(SECRET);
  });

  it("edits a provider and keeps the stored secret unless told to remove it", async () => {
    const app = await openPage();
    const row = await addTrondheim();
    fireEvent.click(within(row).getByRole("button", { name: "Endre Trondheim kommune (Entra ID)" }));
    const heading = await screen.findByRole("heading", { name: "Endre Trondheim kommune (Entra ID)" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const secret = within(form()).getByLabelText<HTMLInputElement>("Klienthemmelighet");
    expect(secret.value).toBe("");
    expect(describedText(secret)).toContain("En hemmelighet er lagret.");
    expect(within(form()).getByLabelText<HTMLInputElement>("Kommuner og IKT-samarbeid").value).toBe("5001");

    fill({ name: "Trondheim kommune", organisations: "5001 4601" });
    submit("Lagre endringene");
    await waitFor(() =>
      expect(within(screen.getByTestId("provider-trondheim-entra")).getByRole("rowheader", { name: "Trondheim kommune" })).toBeTruthy(),
    );
    expect(screen.getByTestId("identity-notice").textContent).toBe("Endringene i Trondheim kommune er lagret.");
    expect(within(screen.getByTestId("provider-trondheim-entra")).getByText("Bergen (4601)")).toBeTruthy();
    expect(listIdentityProviders(app.db)[0]?.clientSecret).toBe(SECRET);
    // Back to adding.
    expect(screen.getByRole("heading", { name: "Legg til innloggingstjeneste" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Endre Trondheim kommune" }));
    await screen.findByRole("heading", { name: "Endre Trondheim kommune" });
    fireEvent.click(within(form()).getByRole("checkbox", { name: "Fjern lagret hemmelighet" }));
    expect(within(form()).getByLabelText<HTMLInputElement>("Klienthemmelighet").disabled).toBe(true);
    submit("Lagre endringene");
    await waitFor(() => expect(within(screen.getByTestId("provider-trondheim-entra")).getByText("Uten klienthemmelighet")).toBeTruthy());
    expect(listIdentityProviders(app.db)[0]?.clientSecret).toBeNull();
  });

  it("tells the admin when someone else saved first, reloads and keeps the admin's changes", async () => {
    const app = await openPage();
    const row = await addTrondheim();
    fireEvent.click(within(row).getByRole("button", { name: "Endre Trondheim kommune (Entra ID)" }));
    await screen.findByRole("heading", { name: "Endre Trondheim kommune (Entra ID)" });
    fill({ clientId: "client-456" });
    // Another administrator renames it in the meantime.
    app.sqlite.prepare("update identity_providers set name = 'Trondheim (endret)', version = version + 1").run();

    submit("Lagre endringene");
    const summary = await screen.findByTestId("provider-errors");
    expect(summary.textContent).toContain("Noen andre har endret tjenesten siden du begynte.");
    await waitFor(() =>
      expect(within(screen.getByTestId("provider-trondheim-entra")).getByRole("rowheader", { name: "Trondheim (endret)" })).toBeTruthy(),
    );
    expect(within(form()).getByLabelText<HTMLInputElement>("Klient-ID").value).toBe("client-456");

    // Saving again, on top of the newest version, works.
    submit("Lagre endringene");
    await waitFor(() => expect(screen.getByTestId("identity-notice").textContent).toContain("er lagret"));
    expect(listIdentityProviders(app.db)[0]).toMatchObject({
      clientId: "client-456",
      name: "Trondheim kommune (Entra ID)",
      clientSecret: SECRET,
    });
  });

  it("deletes a provider only after confirmation", async () => {
    const app = await openPage();
    const row = await addTrondheim();
    const remove = within(row).getByRole("button", { name: "Slett Trondheim kommune (Entra ID)" });
    fireEvent.click(remove);
    let dialog = await screen.findByRole("dialog", { name: "Slette Trondheim kommune (Entra ID)?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(listIdentityProviders(app.db)).toHaveLength(1);

    fireEvent.click(remove);
    dialog = await screen.findByRole("dialog", { name: "Slette Trondheim kommune (Entra ID)?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Slett tjenesten" }));
    await screen.findByText(/Ingen innloggingstjenester er satt opp/);
    expect(screen.getByTestId("identity-notice").textContent).toBe("Trondheim kommune (Entra ID) er slettet.");
    expect(listIdentityProviders(app.db)).toEqual([]);
  });

  it("asks before switching password sign-in off, and refuses while nobody could get in", async () => {
    await openPage();
    const toggle = screen.getByRole<HTMLInputElement>("switch", { name: "Innlogging med passord" });
    fireEvent.click(toggle);
    let dialog = await screen.findByRole("dialog", { name: "Slå av innlogging med passord?" });
    expect(within(dialog).getByText(/Dette gjelder alle brukere/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Slå av innlogging med passord" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Ingen innloggingstjeneste er slått på. Legg til og slå på minst én tjeneste før du slår av innlogging med passord.",
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // A provider that may not sign in national roles would shut the administrators out.
    const row = await addTrondheim();
    fireEvent.click(screen.getByRole("switch", { name: "Innlogging med passord" }));
    dialog = await screen.findByRole("dialog", { name: "Slå av innlogging med passord?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Slå av innlogging med passord" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "Ingen påslått innloggingstjeneste kan logge inn nasjonale roller",
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // Marked for them, the demo admin (never signed in through one) could still lock themselves out.
    fireEvent.click(within(row).getByRole("button", { name: "Endre Trondheim kommune (Entra ID)" }));
    await screen.findByRole("heading", { name: "Endre Trondheim kommune (Entra ID)" });
    fireEvent.click(within(form()).getByRole("checkbox", { name: "Kan logge inn nasjonale roller" }));
    submit("Lagre endringene");
    await within(screen.getByTestId("provider-trondheim-entra")).findByText("Nasjonale roller");
    fireEvent.click(screen.getByRole("switch", { name: "Innlogging med passord" }));
    dialog = await screen.findByRole("dialog", { name: "Slå av innlogging med passord?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Slå av innlogging med passord" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("Du har aldri logget inn med en innloggingstjeneste");
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    expect(screen.getByRole<HTMLInputElement>("switch", { name: "Innlogging med passord" }).checked).toBe(true);
  });

  it("with password sign-in off, keeps the last provider and switches passwords back on without asking", async () => {
    const app = renderApp("/admin/innlogging", ADMIN);
    // Off before the page has read it (the route loads lazily): as after `pnpm cli local-sign-in off`.
    setSetting(app.db, "localSignIn", false, new Date().toISOString());
    const toggle = await screen.findByRole<HTMLInputElement>("switch", { name: "Innlogging med passord" });
    expect(toggle.checked).toBe(false);
    expect(describedText(toggle)).toContain("bare innloggingstjenestene under kan brukes");

    const row = await addTrondheim();
    fireEvent.click(within(row).getByRole("button", { name: "Slett Trondheim kommune (Entra ID)" }));
    const dialog = await screen.findByRole("dialog", { name: "Slette Trondheim kommune (Entra ID)?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Slett tjenesten" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain("dette er den siste tjenesten som er slått på");
    fireEvent.click(within(dialog).getByRole("button", { name: "Avbryt" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // Switching it off through the form is refused the same way, in the summary.
    fireEvent.click(within(row).getByRole("button", { name: "Endre Trondheim kommune (Entra ID)" }));
    await screen.findByRole("heading", { name: "Endre Trondheim kommune (Entra ID)" });
    fireEvent.click(within(form()).getByRole("checkbox", { name: "Slått på" }));
    submit("Lagre endringene");
    expect((await screen.findByTestId("provider-errors")).textContent).toContain("dette er den siste tjenesten som er slått på");
    expect(listIdentityProviders(app.db)[0]?.enabled).toBe(true);

    fireEvent.click(screen.getByRole("switch", { name: "Innlogging med passord" }));
    await waitFor(() => expect(screen.getByTestId("local-sign-in-message").textContent).toBe("Innlogging med passord er slått på."));
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>("switch", { name: "Innlogging med passord" }).checked).toBe(true));
  });

  it("speaks English when the user has chosen it", async () => {
    await openPage({ ...ADMIN, language: "en" });
    expect(screen.getByRole("heading", { level: 1, name: "Sign-in" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Add an identity provider" })).toBeTruthy();
    expect(screen.getByText(/No identity providers are set up/)).toBeTruthy();
  });

  it("tells a non-administrator that the page is for administrators only", async () => {
    renderApp("/admin/innlogging", { as: "board@demo.example" });
    const message = await screen.findByTestId("admin-forbidden");
    expect(message.textContent).toContain("Bare administratorer har tilgang til denne siden.");
    expect(screen.queryByRole("switch")).toBeNull();
    expect(screen.queryByRole("link", { name: "Innlogging" })).toBeNull();
  });
});
