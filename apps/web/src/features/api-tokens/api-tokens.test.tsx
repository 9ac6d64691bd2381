import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { renderApp } from "../../test/render";

const PAGE = "/kommune/0301/api-nokler";
const MANAGER = "manager.0301@demo.example";

function rowOf(name: string): HTMLElement {
  const row = within(screen.getByTestId("api-token-table")).getByRole("rowheader", { name }).closest("tr");
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe("API tokens on the municipality's page (issue 23, point 3)", () => {
  it("lets a manager create a token, shows its secret once with a copy button, lists it, and revokes it after confirming", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const { sqlite } = renderApp(PAGE, { as: MANAGER });
    expect(await screen.findByText("Ingen API-nøkler ennå. Lag en nøkkel over når et program skal lese tallene.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("API-nøkler for Oslo");

    // No name: the field says so and nothing is made.
    fireEvent.click(screen.getByRole("button", { name: "Lag nøkkel" }));
    expect(await screen.findByText("Gi nøkkelen et navn, for eksempel hva den brukes til.")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Navn"), { target: { value: "Power BI økonomi" } });
    fireEvent.change(screen.getByLabelText("Utløper etter"), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Lag nøkkel" }));
    const secret = await screen.findByTestId("api-token-secret");
    const field = within(secret).getByLabelText<HTMLInputElement>("Nøkkelen");
    expect(field.value).toMatch(/^mlst_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
    expect(within(secret).getByText(/Den vises bare denne ene gangen/)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe("Ny nøkkel: Power BI økonomi");
    fireEvent.click(within(secret).getByRole("button", { name: "Kopier nøkkelen" }));
    expect(writeText).toHaveBeenCalledWith(field.value);
    expect(await within(secret).findByText("Nøkkelen er kopiert.")).toBeTruthy();

    await waitFor(() => expect(within(rowOf("Power BI økonomi")).getAllByRole("cell")[0]?.textContent).toBe(field.value.slice(5, 13)));
    const cells = within(rowOf("Power BI økonomi"))
      .getAllByRole("cell")
      .map((c) => c.textContent);
    expect(cells[1]).toBe("Demo leder 0301");
    expect(cells[3]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(cells.slice(4)).toEqual(["Aldri", "Aktiv", "Trekk tilbake Power BI økonomi"]);
    const raw = JSON.stringify(sqlite.prepare("select * from api_tokens").all());
    expect(raw).not.toContain(field.value);

    fireEvent.click(within(secret).getByRole("button", { name: "Jeg har tatt vare på nøkkelen" }));
    expect(screen.queryByTestId("api-token-secret")).toBeNull();
    expect(screen.queryByDisplayValue(field.value)).toBeNull();

    fireEvent.click(within(rowOf("Power BI økonomi")).getByRole("button", { name: "Trekk tilbake Power BI økonomi" }));
    const dialog = await screen.findByTestId("confirm-dialog");
    expect(within(dialog).getByText(/slutter å virke med en gang/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Trekk tilbake" }));
    expect(await screen.findByText("Nøkkelen «Power BI økonomi» er trukket tilbake.")).toBeTruthy();
    await waitFor(() => expect(within(rowOf("Power BI økonomi")).getAllByRole("cell")[5]?.textContent).toBe("Trukket tilbake"));
  });

  it("tells finance that only managers and administrators make tokens", async () => {
    renderApp(PAGE, { as: "finance.0301@demo.example" });
    expect((await screen.findByTestId("api-tokens-no-access")).textContent).toContain("Bare ledere i Oslo og administratorer");
  });

  it("lists every organisation's tokens for an administrator, with the organisation", async () => {
    renderApp("/admin/api-nokler", { as: "admin@demo.example" });
    expect(await screen.findByText(/Ingen organisasjon har API-nøkler ennå/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("API-nøkler");
  });
});
