import { findUserByEmail, insertOutboxMessage, listMailOptOuts, listOutboxMessages } from "@malestokk/db";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const MAIL_ON = { enabled: true, from: "Målestokk <noreply@kommune.no>" };

describe("Administrasjon → E-post (issue 25)", () => {
  it("says when mail is off, and what happens to reset links then", async () => {
    renderApp("/admin/e-post", { as: "admin@demo.example" });
    expect(await screen.findByTestId("mail-off")).toBeTruthy();
    expect(screen.getByTestId("mail-off").textContent).toContain("SMTP_URL og MAIL_FROM er ikke satt");
    expect(await screen.findByText("Ingen meldinger. Slå på e-post (SMTP_URL og MAIL_FROM) for å sende varsler.")).toBeTruthy();
  });

  it("shows a failed message with its reason and puts it back in the queue on retry", async () => {
    const { sqlite, db } = renderApp("/admin/e-post", { as: "admin@demo.example", mail: MAIL_ON });
    insertOutboxMessage(db, {
      idempotencyKey: "test:1",
      kind: "reportReturned",
      recipientUserId: findUserByEmail(db, "finance.0301@demo.example")?.id ?? null,
      recipientEmail: "finance.0301@demo.example",
      language: "nb",
      content: "{}",
      secret: null,
      now: "2026-03-01T12:00:00.000Z",
    });
    sqlite.prepare("update mail_outbox set status = 'failed', attempts = 8, last_error = 'REFUSED: 451 Try again later'").run();
    expect((await screen.findByTestId("mail-on")).textContent).toBe("E-post er på: varsler sendes fra Målestokk <noreply@kommune.no>.");
    const table = await screen.findByRole("table", { name: "Meldinger i utboksen" });
    const row = within(table).getByTestId("mail-row-failed");
    expect(within(row).getByText("finance.0301@demo.example")).toBeTruthy();
    expect(within(row).getByText("En rapport er returnert")).toBeTruthy();
    expect(within(row).getByText("Avvist av e-posttjeneren – 451 Try again later")).toBeTruthy();

    fireEvent.click(within(row).getByRole("button", { name: "Prøv igjen: send til finance.0301@demo.example" }));
    const dialog = await screen.findByRole("dialog", { name: "Send til finance.0301@demo.example igjen?" });
    expect(within(dialog).getByText(/Meldingen «En rapport er returnert» legges i kø/)).toBeTruthy();
    expect(listOutboxMessages(db, { limit: 5 }).map((m) => m.status)).toEqual(["failed"]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Send igjen" }));
    expect(await screen.findByText("Meldingen er lagt i kø og sendes straks.")).toBeTruthy();
    await waitFor(() => expect(within(table).getByTestId("mail-row-queued")).toBeTruthy());
  });
});

describe("a reset link when mail is on", () => {
  it("is mailed to the user and not shown to the administrator", async () => {
    const { db } = renderApp("/admin/brukere", { as: "admin@demo.example", mail: MAIL_ON });
    const row = await screen.findByTestId("user-secretariat@demo.example");
    fireEvent.click(within(row).getByRole("button", { name: "Lag passordlenke for Demo sekretariatet" }));
    const dialog = await screen.findByRole("dialog", { name: "Passordlenke for Demo sekretariatet" });
    expect(within(dialog).getByTestId("reset-link-mailed").textContent).toMatch(
      /^Lenken er sendt på e-post til secretariat@demo\.example\./,
    );
    expect(within(dialog).queryByLabelText("Lenke for å velge passord")).toBeNull();
    expect(listOutboxMessages(db, { limit: 5 }).map((m) => [m.kind, m.recipientEmail])).toEqual([
      ["resetLink", "secretariat@demo.example"],
    ]);
  });
});

describe("Min konto → notices by e-mail", () => {
  it("turns a kind off; security notices are not offered", async () => {
    const { db } = renderApp("/konto", { as: "finance.0301@demo.example", mail: MAIL_ON });
    const section = await screen.findByTestId("mail-preferences");
    const box = await within(section).findByRole("checkbox", { name: "Påminnelse om rapporteringsfrist" });
    expect(within(section).queryByRole("checkbox", { name: "Passordet er endret" })).toBeNull();
    fireEvent.click(box);
    expect(await within(section).findByText("Valget er lagret.")).toBeTruthy();
    const user = findUserByEmail(db, "finance.0301@demo.example");
    expect(listMailOptOuts(db, user?.id ?? 0)).toEqual(["deadlineReminder"]);
    await waitFor(() =>
      expect(within(section).getByRole<HTMLInputElement>("checkbox", { name: "Påminnelse om rapporteringsfrist" }).checked).toBe(false),
    );
  });
});

describe("the unsubscribe link's page", () => {
  it("asks first and refuses a token that does not verify", async () => {
    renderApp("/e-post/avmeld?token=1.deadlineReminder.forged");
    expect(await screen.findByText("Du er i ferd med å slå av denne typen varsler: Påminnelse om rapporteringsfrist.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Slå av" }));
    expect(await screen.findByTestId("unsubscribe-invalid")).toBeTruthy();
  });
});
