import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

const MAIL_ON = { enabled: true, from: "Målestokk <noreply@malestokk.test>" } as const;

describe("telling the board the meeting pack is ready (issue 25)", () => {
  it("lets the secretariat send it once per meeting date, asks for the date first, and says what happened", async () => {
    const { sqlite } = renderApp("/ideer/motepakke", { as: "secretariat@demo.example", mail: MAIL_ON });
    const section = await screen.findByTestId("announce-pack");
    expect(within(section).getByRole("heading", { level: 2, name: "Si fra til programstyret" })).toBeTruthy();
    fireEvent.click(within(section).getByRole("button", { name: "Send til programstyret" }));
    expect(await within(section).findByText("Velg datoen for møtet.")).toBeTruthy();

    fireEvent.change(within(section).getByLabelText("Møtedato"), { target: { value: "2026-03-12" } });
    fireEvent.click(within(section).getByRole("button", { name: "Send til programstyret" }));
    expect(await within(section).findByText("Programstyret (1) får e-post om møtepakken til 12. mars 2026.")).toBeTruthy();
    expect(sqlite.prepare("select kind, recipient_email as email from mail_outbox").all()).toEqual([
      { kind: "meetingPack", email: "board@demo.example" },
    ]);

    fireEvent.click(within(section).getByRole("button", { name: "Send til programstyret" }));
    expect(
      await within(section).findByText(
        "Programstyret har allerede fått e-post om møtepakken til 12. mars 2026; den sendes ikke to ganger.",
      ),
    ).toBeTruthy();
  });

  it("says so when mail is off, in the user's language", async () => {
    renderApp("/ideer/motepakke", { as: "secretariat@demo.example", language: "nn" });
    const section = await screen.findByTestId("announce-pack");
    fireEvent.change(within(section).getByLabelText("Møtedato"), { target: { value: "2026-03-12" } });
    fireEvent.click(within(section).getByRole("button", { name: "Send til programstyret" }));
    expect(await within(section).findByText("E-post er ikkje slått på, så programstyret vart ikkje varsla.")).toBeTruthy();
  });

  it("is not offered to the board, who receives it", async () => {
    renderApp("/ideer/motepakke", { as: "board@demo.example" });
    await screen.findByRole("heading", { level: 1, name: "Møtepakke for programstyret" });
    expect(screen.queryByTestId("announce-pack")).toBeNull();
  });
});
