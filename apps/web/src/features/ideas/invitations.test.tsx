import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { breakTable, findFailure } from "../../test/break-table";
import { renderApp } from "../../test/render";

type Sqlite = ReturnType<typeof renderApp>["sqlite"];

// Issue 17 finding 6, for ideas: the idea is an invitation until the invited municipality's manager accepts.

/** Trondheim's idea "Felles chatbot", with Oslo invited (or taking part, with `status`). */
function inviteOslo(sqlite: Sqlite, status: "invited" | "accepted" = "invited"): number {
  const id = (number: string) => (sqlite.prepare("select id from organisations where number = ?").get(number) as { id: number }).id;
  const now = new Date().toISOString();
  const idea = sqlite
    .prepare(
      "insert into ideas (organisation_id, title, problem, sector, expected_benefits, rough_cost_nok, created_at, updated_at) values (?, 'Felles chatbot', 'Mange like spørsmål', 'helseVelferd', 'Frigjort tid', 1000, ?, ?) returning id",
    )
    .get(id("5001"), now, now) as { id: number };
  sqlite
    .prepare(
      "insert into idea_participants (idea_id, organisation_id, status, changed_at, changed_by_name) values (?, ?, ?, ?, 'Demo leder 5001')",
    )
    .run(idea.id, id("0301"), status, now);
  return idea.id;
}

function statusOf(sqlite: Sqlite, ideaId: number) {
  return sqlite.prepare("select status from idea_participants where idea_id = ?").get(ideaId) as { status: string } | undefined;
}

describe("invitations to project ideas", () => {
  it("shows an invited manager the invitation instead of the idea; accepting lists the idea", async () => {
    const { sqlite } = renderApp("/ideer", { as: "manager.0301@demo.example" });
    const ideaId = inviteOslo(sqlite);
    const invitations = await screen.findByTestId("idea-invitations");
    expect(within(invitations).getByRole("heading", { level: 3, name: "Felles chatbot" })).toBeTruthy();
    expect(within(invitations).getByText("Helse og velferd · meldt inn av Trondheim (5001)")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "Felles chatbot" })).toBeNull();
    fireEvent.click(within(invitations).getByRole("button", { name: "Godta Felles chatbot" }));
    expect(await screen.findByText("Oslo er med i idéen «Felles chatbot».")).toBeTruthy();
    await waitFor(() => expect(within(screen.getByTestId("ideas-table")).getByRole("link", { name: "Felles chatbot" })).toBeTruthy());
    expect(screen.queryByTestId("idea-invitations")).toBeNull();
    expect(statusOf(sqlite, ideaId)).toEqual({ status: "accepted" });
  });

  it("lists the invitation at sign-in, with a link to the idea list", async () => {
    const { sqlite } = renderApp("/kommuner", { as: "finance.0301@demo.example" });
    inviteOslo(sqlite);
    const notice = await screen.findByTestId("idea-invitation-notice");
    expect(within(notice).getByRole("link", { name: "Trondheim inviterer Oslo til idéen «Felles chatbot»" }).getAttribute("href")).toBe(
      "/ideer",
    );
  });

  it("says at sign-in when the invitations could not be read, and retries", async () => {
    const { sqlite } = renderApp("/kommuner", { as: "finance.0301@demo.example" });
    inviteOslo(sqlite);
    const restore = breakTable(sqlite, "idea_participants");
    const { retry } = await findFailure("idea-invitation-notice-error");
    restore();
    fireEvent.click(retry);
    expect(await screen.findByTestId("idea-invitation-notice")).toBeTruthy();
    expect(screen.queryByTestId("idea-invitation-notice-error")).toBeNull();
  });

  it("lets the submitter withdraw an invitation, after asking", async () => {
    const { sqlite } = renderApp("/ideer", { as: "manager.5001@demo.example" });
    const ideaId = inviteOslo(sqlite);
    fireEvent.click(await screen.findByRole("link", { name: "Felles chatbot" }));
    const section = await screen.findByTestId("idea-participation");
    fireEvent.click(within(section).getByRole("button", { name: "Trekk tilbake invitasjonen til Oslo" }));
    const dialog = await screen.findByRole("dialog", { name: "Trekke tilbake invitasjonen til Oslo?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Trekk tilbake" }));
    expect(await within(section).findByText(/Ingen andre kommuner er invitert/)).toBeTruthy();
    expect(statusOf(sqlite, ideaId)).toBeUndefined();
  });

  it("lets a participant's manager leave an idea, after asking", async () => {
    const { sqlite } = renderApp("/ideer", { as: "manager.0301@demo.example" });
    const ideaId = inviteOslo(sqlite, "accepted");
    fireEvent.click(await screen.findByRole("link", { name: "Felles chatbot" }));
    fireEvent.click(await screen.findByRole("button", { name: "Gå ut av idéen" }));
    const dialog = await screen.findByRole("dialog", { name: "Gå ut av «Felles chatbot»?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Gå ut av idéen" }));
    await screen.findByRole("heading", { level: 1, name: "Prosjektideer" });
    await waitFor(() => expect(screen.queryByRole("link", { name: "Felles chatbot" })).toBeNull());
    expect(statusOf(sqlite, ideaId)).toEqual({ status: "left" });
  });
});
