import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

type Sqlite = ReturnType<typeof renderApp>["sqlite"];

// Issue 17 finding 6: a joint project reaches a municipality as an invitation its manager answers.

/** Trondheim's project "Felles sak/arkiv", with Oslo invited by Trondheim's manager. */
function inviteOslo(sqlite: Sqlite): number {
  const id = (number: string) => (sqlite.prepare("select id from organisations where number = ?").get(number) as { id: number }).id;
  const now = new Date().toISOString();
  const project = sqlite
    .prepare(
      "insert into projects (owner_organisation_id, name, sector, phase, created_at, updated_at) values (?, 'Felles sak/arkiv', 'common', 'planning', ?, ?) returning id",
    )
    .get(id("5001"), now, now) as { id: number };
  sqlite
    .prepare(
      "insert into project_participants (project_id, organisation_id, status, changed_at, changed_by_name) values (?, ?, 'invited', ?, 'Demo leder 5001')",
    )
    .run(project.id, id("0301"), now);
  return project.id;
}

function statusOf(sqlite: Sqlite, projectId: number, number: string) {
  return sqlite
    .prepare("select status from project_participants join organisations o on o.id = organisation_id where project_id = ? and o.number = ?")
    .get(projectId, number) as { status: string } | undefined;
}

describe("invitations to joint projects", () => {
  it("shows an invited manager who invites and what accepting means; accepting puts the project in the portfolio", async () => {
    const { sqlite } = renderApp("/kommune/0301/gevinster", { as: "manager.0301@demo.example" });
    const projectId = inviteOslo(sqlite);
    const invitations = await screen.findByTestId("project-invitations");
    expect(within(invitations).getByRole("heading", { level: 3, name: "Felles sak/arkiv" })).toBeTruthy();
    expect(within(invitations).getByText("Felles/tverrgående · eies av Trondheim (5001)")).toBeTruthy();
    expect(within(invitations).getByText(/Invitert av Demo leder 5001/)).toBeTruthy();
    expect(
      within(invitations).getByText(/Godtar dere, kommer prosjektet og gevinstene med i porteføljen og summene til Oslo/),
    ).toBeTruthy();
    expect(within(screen.getByTestId("portfolio-projects")).queryByRole("link", { name: "Felles sak/arkiv" })).toBeNull();

    fireEvent.click(within(invitations).getByRole("button", { name: "Godta Felles sak/arkiv" }));
    expect(await screen.findByText("Oslo er med i «Felles sak/arkiv». Prosjektet står nå i porteføljen.")).toBeTruthy();
    await waitFor(() =>
      expect(within(screen.getByTestId("portfolio-projects")).getByRole("link", { name: "Felles sak/arkiv" })).toBeTruthy(),
    );
    expect(screen.queryByTestId("project-invitations")).toBeNull();
    expect(statusOf(sqlite, projectId, "0301")).toEqual({ status: "accepted" });
  });

  it("lets finance see the invitation but not answer it", async () => {
    const { sqlite } = renderApp("/kommune/0301/gevinster", { as: "finance.0301@demo.example" });
    inviteOslo(sqlite);
    const invitations = await screen.findByTestId("project-invitations");
    expect(within(invitations).getByText(/Bare lederen i kommunen kan svare på invitasjonen/)).toBeTruthy();
    expect(within(invitations).queryByRole("button")).toBeNull();
  });

  it("asks before declining, and then shows the invitation no more", async () => {
    const { sqlite } = renderApp("/kommune/0301/gevinster", { as: "manager.0301@demo.example" });
    const projectId = inviteOslo(sqlite);
    const invitations = await screen.findByTestId("project-invitations");
    fireEvent.click(within(invitations).getByRole("button", { name: "Avslå Felles sak/arkiv" }));
    const dialog = await screen.findByRole("dialog", { name: "Avslå invitasjonen til «Felles sak/arkiv»?" });
    expect(statusOf(sqlite, projectId, "0301")).toEqual({ status: "invited" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Avslå" }));
    expect(await screen.findByText("Invitasjonen til «Felles sak/arkiv» er avslått.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId("project-invitations")).toBeNull());
    expect(statusOf(sqlite, projectId, "0301")).toEqual({ status: "declined" });
  });

  it("lists the invitation at sign-in, with a link to where the manager answers it", async () => {
    const { sqlite } = renderApp("/kommuner", { as: "manager.0301@demo.example" });
    inviteOslo(sqlite);
    const followUp = await screen.findByTestId("follow-up");
    const link = await within(followUp).findByRole("link", { name: "Trondheim inviterer Oslo til prosjektet «Felles sak/arkiv»" });
    expect(link.getAttribute("href")).toBe("/kommune/0301/gevinster");
  });

  it("shows the owner each invitation's answer; withdrawing asks first, and a municipality can be invited on the page", async () => {
    const { sqlite } = renderApp("/kommune/5001/gevinster", { as: "manager.5001@demo.example" });
    const projectId = inviteOslo(sqlite);
    fireEvent.click(await screen.findByRole("link", { name: "Felles sak/arkiv" }));
    const section = await screen.findByTestId("participation");
    const oslo = within(section).getByRole("rowheader", { name: "Oslo (0301)" }).closest("tr") as HTMLElement;
    expect(within(oslo).getByText("Invitert")).toBeTruthy();
    fireEvent.click(within(oslo).getByRole("button", { name: "Trekk tilbake invitasjonen til Oslo" }));
    const dialog = await screen.findByRole("dialog", { name: "Trekke tilbake invitasjonen til Oslo?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Trekk tilbake" }));
    expect(await within(section).findByText(/Ingen andre kommuner er invitert/)).toBeTruthy();
    expect(statusOf(sqlite, projectId, "0301")).toBeUndefined();

    fireEvent.change(within(section).getByLabelText("Inviter en kommune"), { target: { value: "5001" } });
    fireEvent.click(within(section).getByRole("button", { name: "Send invitasjon" }));
    expect(await within(section).findByText("Trondheim eier prosjektet og kan ikke inviteres til det.")).toBeTruthy();
    fireEvent.change(within(section).getByLabelText("Inviter en kommune"), { target: { value: "0301" } });
    fireEvent.click(within(section).getByRole("button", { name: "Send invitasjon" }));
    await waitFor(() => expect(within(section).getByRole("rowheader", { name: "Oslo (0301)" })).toBeTruthy());
    expect(statusOf(sqlite, projectId, "0301")).toEqual({ status: "invited" });
  });

  it("lets a participant's manager leave a joint project, after asking", async () => {
    const { sqlite } = renderApp("/kommune/4601/gevinster", { as: "manager.4601@demo.example" });
    fireEvent.click(await within(await screen.findByTestId("portfolio-projects")).findByRole("link", { name: "Felles innbyggerportal" }));
    fireEvent.click(await screen.findByRole("button", { name: "Gå ut av prosjektet" }));
    const dialog = await screen.findByRole("dialog", { name: "Gå ut av «Felles innbyggerportal»?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Gå ut av prosjektet" }));
    await screen.findByRole("heading", { level: 1, name: "Gevinstrealisering i Bergen" });
    await waitFor(() =>
      expect(within(screen.getByTestId("portfolio-projects")).queryByRole("link", { name: "Felles innbyggerportal" })).toBeNull(),
    );
    const projectId = (sqlite.prepare("select id from projects where name = 'Felles innbyggerportal'").get() as { id: number }).id;
    expect(statusOf(sqlite, projectId, "4601")).toEqual({ status: "left" });
  });
});
