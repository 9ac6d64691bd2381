import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { getMunicipalityByNumber, insertProject } from "@malestokk/db";
import { createTestDb } from "@malestokk/db/testing";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

/** A demo project's id: the same in every copy of the test database. */
function projectId(name: string, owner: string): number {
  const connection = createTestDb({ seed: true });
  try {
    return (
      connection.sqlite
        .prepare("SELECT p.id FROM projects p JOIN organisations o ON o.id = p.owner_organisation_id WHERE p.name = ? AND o.number = ?")
        .get(name, owner) as { id: number }
    ).id;
  } finally {
    connection.close();
  }
}

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.replace(/\s/g, " ") ?? ""));

describe("a joint project's toolbox (issue 26)", () => {
  it("lists the demo's SvarUt toolbox for a reader: titled links, a PDF with its type and size, no forms", async () => {
    const id = projectId("Digital post med SvarUt", "0301");
    renderApp(`/gevinster/prosjekt/${id}`, { as: "board@demo.example" });
    const toolbox = await screen.findByTestId("toolbox");
    const table = await within(toolbox).findByTestId("toolbox-table");
    expect(cellsOf(table).map(([title, kind]) => [title, kind])).toEqual([
      ["SvarUt: om tjenesten", "Lenke"],
      ["Brukerreiser: brev fra kommunen til innbyggeren", "Lenke"],
      ["Veileder for gevinstrealisering", "Lenke"],
      ["Kravspesifikasjon (demo) (last ned Kravspesifikasjon SvarUt (demo).pdf)", "PDF"],
    ]);
    const pdf = within(table).getByRole("link", { name: /Kravspesifikasjon \(demo\)/ });
    expect(pdf.getAttribute("href")).toMatch(new RegExp(`^/files/toolbox/${id}/\\d+$`));
    expect(pdf.hasAttribute("download")).toBe(true);
    expect(within(table).getByRole("link", { name: "SvarUt: om tjenesten" }).getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(within(toolbox).queryByTestId("toolbox-link-form")).toBeNull();
    expect(within(toolbox).queryByRole("button", { name: /Fjern/ })).toBeNull();
  });

  it("says what to add when empty, checks a link and a file before sending, adds a link and removes it after asking", async () => {
    const id = projectId("Felles innbyggerportal", "0301");
    const { sqlite } = renderApp(`/gevinster/prosjekt/${id}`, { as: "manager.0301@demo.example" });
    const toolbox = await screen.findByTestId("toolbox");
    expect(await within(toolbox).findByText("Verktøykassen er tom.")).toBeTruthy();
    expect(within(toolbox).getByText(/Legg til lenker, eller last opp dokumenter/)).toBeTruthy();

    const linkForm = within(toolbox).getByTestId("toolbox-link-form");
    fireEvent.change(within(linkForm).getByLabelText("Tittel"), { target: { value: "Veileder" } });
    fireEvent.change(within(linkForm).getByLabelText("Nettadresse", { exact: false }), { target: { value: "javascript:alert(1)" } });
    fireEvent.click(within(linkForm).getByRole("button", { name: "Legg til lenke" }));
    expect(await within(linkForm).findByText("Skriv en nettadresse som begynner med https:// eller http://.")).toBeTruthy();

    const uploadForm = within(toolbox).getByTestId("toolbox-upload-form");
    fireEvent.change(within(uploadForm).getByLabelText("Tittel"), { target: { value: "Side" } });
    fireEvent.change(within(uploadForm).getByLabelText("Fil"), {
      target: { files: [new File(["<html></html>"], "side.html", { type: "text/html" })] },
    });
    fireEvent.click(within(uploadForm).getByRole("button", { name: "Last opp" }));
    expect((await within(uploadForm).findByTestId("toolbox-file-error")).textContent).toContain("Filen er ikke en PDF");
    fireEvent.change(within(uploadForm).getByLabelText("Fil"), {
      target: { files: [new File([], "tom.pdf", { type: "application/pdf" })] },
    });
    fireEvent.click(within(uploadForm).getByRole("button", { name: "Last opp" }));
    await waitFor(() =>
      expect(within(uploadForm).getByTestId("toolbox-file-error").textContent).toBe("Filen er tom. Velg en fil med innhold."),
    );

    fireEvent.change(within(linkForm).getByLabelText("Nettadresse", { exact: false }), { target: { value: "https://www.ks.no/veileder" } });
    fireEvent.click(within(linkForm).getByRole("button", { name: "Legg til lenke" }));
    const table = await within(toolbox).findByTestId("toolbox-table");
    expect(within(table).getByRole("link", { name: "Veileder" }).getAttribute("href")).toBe("https://www.ks.no/veileder");

    fireEvent.click(within(table).getByRole("button", { name: "Fjern «Veileder»" }));
    const dialog = await screen.findByRole("dialog", { name: "Fjerne «Veileder» fra verktøykassen?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Fjern" }));
    expect(await within(toolbox).findByText("Verktøykassen er tom.")).toBeTruthy();
    const actions = sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'benefits.toolbox%' ORDER BY id").all() as {
      action: string;
    }[];
    expect(actions.map((a) => a.action)).toEqual(["benefits.toolboxEntryAdded", "benefits.toolboxEntryRemoved"]);
  });

  it("is left out of an ordinary project: its keeper reads how a project gets one, and a reader sees no toolbox", async () => {
    const ordinary = (db: Parameters<typeof insertProject>[0]) =>
      insertProject(db, {
        ownerOrganisationId: getMunicipalityByNumber(db, "0301")?.id ?? 0,
        fields: { name: "Nytt arkivsystem", description: null, sector: "skoleOppvekst", phase: "planning" },
        now: new Date().toISOString(),
      });
    const keeper = renderApp("/", { as: "manager.0301@demo.example" });
    const id = ordinary(keeper.db);
    await keeper.router.navigate(`/gevinster/prosjekt/${id}`);
    const toolbox = await screen.findByTestId("toolbox", {}, { timeout: 10_000 });
    expect(within(toolbox).getByRole("heading", { level: 2, name: "Verktøykasse" })).toBeTruthy();
    expect(within(toolbox).getByTestId("toolbox-not-joint").textContent).toMatch(/^Verktøykassen hører til felles prosjekter/);
    expect(within(toolbox).queryByTestId("toolbox-table")).toBeNull();
    expect(within(toolbox).queryByTestId("toolbox-link-form")).toBeNull();
    keeper.unmount();

    const reader = renderApp("/", { as: "board@demo.example" });
    const readId = ordinary(reader.db);
    await reader.router.navigate(`/gevinster/prosjekt/${readId}`);
    await screen.findByRole("heading", { level: 1, name: /Nytt arkivsystem/ }, { timeout: 10_000 });
    // Every query of the page has answered, the toolbox's too.
    await waitFor(() => expect(reader.queryClient.isFetching()).toBe(0));
    expect(screen.queryByTestId("toolbox")).toBeNull();
  });
});
