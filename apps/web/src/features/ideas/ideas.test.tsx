import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

describe("project-idea pipeline pages", () => {
  it("a manager submits an idea: errors are named first, then it is listed as submitted", async () => {
    const { sqlite } = renderApp("/ideer", { as: "manager.0301@demo.example" });
    fireEvent.click(await screen.findByRole("button", { name: "Meld inn en idé" }));
    const form = screen.getByTestId("idea-form");
    fireEvent.click(within(form).getByRole("button", { name: "Meld inn" }));
    expect(within(form).getAllByText("Må fylles ut.").length).toBeGreaterThanOrEqual(3);
    fireEvent.change(within(form).getByLabelText("Tittel"), { target: { value: "Felles chatbot" } });
    fireEvent.change(within(form).getByLabelText("Problemet som skal løses"), { target: { value: "Mange like spørsmål" } });
    fireEvent.change(within(form).getByLabelText("Forventede gevinster"), { target: { value: "Frigjort tid" } });
    fireEvent.change(within(form).getByLabelText("Grovt anslått kostnad (kr)"), { target: { value: "1 500 000" } });
    fireEvent.change(within(form).getByLabelText("Andre kommuner som inviteres til å delta"), { target: { value: "4601, 9999" } });
    fireEvent.click(within(form).getByRole("button", { name: "Meld inn" }));
    expect(await within(form).findByText("Fant ingen kommune med nummer 9999.")).toBeTruthy();
    fireEvent.change(within(form).getByLabelText("Andre kommuner som inviteres til å delta"), { target: { value: "4601" } });
    // A cross-cutting idea may be sent, as a project may be.
    fireEvent.change(within(form).getByLabelText("Fagområde"), { target: { value: "common" } });
    expect(within(form).getByRole("option", { name: "Felles/tverrgående" })).toBeTruthy();
    fireEvent.click(within(form).getByRole("button", { name: "Meld inn" }));
    expect(await screen.findByTestId("idea-sent")).toBeTruthy();
    const table = await screen.findByTestId("ideas-table");
    await waitFor(() => expect(within(table).getByRole("link", { name: "Felles chatbot" })).toBeTruthy());
    const row = sqlite.prepare("select id, status, sector, rough_cost_nok as cost from ideas where title = 'Felles chatbot'").get() as {
      id: number;
      status: string;
      cost: number;
    };
    expect(row).toMatchObject({ status: "submitted", sector: "common", cost: 1_500_000 });
    // The manager has no step but withdrawing: the page says whose turn it is.
    fireEvent.click(within(table).getByRole("link", { name: "Felles chatbot" }));
    expect((await screen.findByTestId("idea-waiting")).textContent).toBe(
      "Venter på et kommunalt prioriteringsråd (KPR) – idéen er felles for alle fagområder.",
    );
  });

  it("the sector council prioritizes an idea of its own sector, and the history says who and why", async () => {
    const { sqlite } = renderApp("/ideer", { as: "council@demo.example" });
    const org = sqlite.prepare("select id from organisations where number = '0301'").get() as { id: number };
    const now = new Date().toISOString();
    const id = Number(
      sqlite
        .prepare(
          "insert into ideas (organisation_id, title, problem, sector, expected_benefits, rough_cost_nok, created_at, updated_at) values (?, 'Digitalt tilsyn', 'Problem', 'helseVelferd', 'Gevinster', 1000, ?, ?)",
        )
        .run(org.id, now, now).lastInsertRowid,
    );
    fireEvent.click(await screen.findByRole("link", { name: "Digitalt tilsyn" }));
    const step = await screen.findByTestId("idea-step-prioritize");
    fireEvent.click(within(step).getByRole("button", { name: "Lagre steget" }));
    expect(await within(step).findByText("Skriv en begrunnelse.")).toBeTruthy();
    fireEvent.click(within(step).getByLabelText("5"));
    fireEvent.change(within(step).getByLabelText("Begrunnelse"), { target: { value: "Stor nytte" } });
    fireEvent.click(within(step).getByRole("button", { name: "Lagre steget" }));
    const history = await screen.findByTestId("idea-history");
    await waitFor(() => expect(within(history).getByText("Stor nytte")).toBeTruthy());
    // The history speaks in the past tense; the council's turn is over, so the page names the next.
    expect(within(history).getByText("Prioritert")).toBeTruthy();
    expect(screen.getByTestId("idea-waiting").textContent).toBe("Venter på sekretariatet.");
    expect(sqlite.prepare("select status, priority_score as score from ideas where id = ?").get(id)).toEqual({
      status: "prioritized",
      score: 5,
    });
  });

  it("says whose turn it is when the signed-in user has no step: the council of the idea's sector, then the board", async () => {
    const { sqlite, router } = renderApp("/ideer", { as: "secretariat@demo.example" });
    const org = sqlite.prepare("select id from organisations where number = '0301'").get() as { id: number };
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      "insert into ideas (organisation_id, title, problem, sector, expected_benefits, rough_cost_nok, status, created_at, updated_at) values (?, ?, 'Problem', ?, 'Gevinster', 1000, ?, ?, ?)",
    );
    insert.run(org.id, "Skoleskyss", "skoleOppvekst", "submitted", now, now);
    const compiled = Number(insert.run(org.id, "Felles journal", "helseVelferd", "compiled", now, now).lastInsertRowid);
    fireEvent.click(await screen.findByRole("link", { name: "Skoleskyss" }));
    expect((await screen.findByTestId("idea-waiting")).textContent).toBe("Venter på KPR for skole og oppvekst.");
    expect(screen.queryByText("Du har ingen steg å gjøre på denne idéen nå.")).toBeNull();
    await act(() => router.navigate(`/ideer/${compiled}`));
    await waitFor(() => expect(screen.getByTestId("idea-waiting").textContent).toBe("Venter på programstyret."));
  });

  it("says on the list, beside each open idea's status, whose turn it is when it is not the signed-in user's (issue 20, point 12)", async () => {
    const { sqlite } = renderApp("/ideer", { as: "secretariat@demo.example" });
    const org = sqlite.prepare("select id from organisations where number = '0301'").get() as { id: number };
    const now = new Date().toISOString();
    const insert = sqlite.prepare(
      "insert into ideas (organisation_id, title, problem, sector, expected_benefits, rough_cost_nok, status, created_at, updated_at) values (?, ?, 'Problem', ?, 'Gevinster', 1000, ?, ?, ?)",
    );
    insert.run(org.id, "Skoleskyss", "skoleOppvekst", "submitted", now, now);
    insert.run(org.id, "Felles journal", "helseVelferd", "compiled", now, now);
    insert.run(org.id, "Felles innsyn", "common", "prioritized", now, now);
    const table = await screen.findByTestId("ideas-table");
    const rowOf = async (title: string) => (await within(table).findByRole("link", { name: title })).closest("tr") as HTMLElement;
    expect(within(await rowOf("Skoleskyss")).getByTestId("idea-turn").textContent).toBe("Venter på KPR for skole og oppvekst.");
    expect(within(await rowOf("Felles journal")).getByTestId("idea-turn").textContent).toBe("Venter på programstyret.");
    // The secretariat's own turn: no note.
    expect(within(await rowOf("Felles innsyn")).queryByTestId("idea-turn")).toBeNull();
  });
});
