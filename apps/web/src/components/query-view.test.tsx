import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../test/render";

type Sqlite = ReturnType<typeof renderApp>["sqlite"];

/**
 * Makes every read of `table` fail until the returned function puts it back: the server then
 * answers INTERNAL, as it would for a fault on its side. The page's queries start after its lazy
 * route has loaded, so they find the table gone.
 */
function breakTable(sqlite: Sqlite, table: string): () => void {
  sqlite.exec(`alter table ${table} rename to ${table}_away`);
  return () => sqlite.exec(`alter table ${table}_away rename to ${table}`);
}

async function findFailure(testId?: string) {
  const scope = testId ? within(await screen.findByTestId(testId)) : screen;
  const message = await scope.findByText(/Noe gikk galt hos oss/);
  return { message, retry: scope.getByRole("button", { name: "Prøv igjen" }) };
}

describe("pages that used to show nothing when a query failed", () => {
  it("the follow-up after sign-in says the query failed and retries it", async () => {
    const { sqlite } = renderApp("/", { as: "manager.0301@demo.example" });
    const restore = breakTable(sqlite, "benefits");
    const { retry } = await findFailure("follow-up-error");
    restore();
    fireEvent.click(retry);
    await waitFor(() => expect(screen.queryByTestId("follow-up-error")).toBeNull());
  });

  it("the digital mail trend on the scope page says the query failed and retries it", async () => {
    const { sqlite } = renderApp("/kommune/0301/tjenester/2020", { as: "manager.0301@demo.example" });
    const restore = breakTable(sqlite, "indicator_values");
    const { retry } = await findFailure("mail-trend-error");
    restore();
    fireEvent.click(retry);
    expect(await screen.findByRole("heading", { name: "Digital post over tid" })).toBeTruthy();
    expect(screen.queryByTestId("mail-trend-error")).toBeNull();
  });

  it("the board's meeting pack says the query failed and retries it, and offers no download meanwhile", async () => {
    const { sqlite } = renderApp("/ideer/motepakke", { as: "board@demo.example" });
    const restore = breakTable(sqlite, "ideas");
    const { retry } = await findFailure();
    expect(screen.queryByRole("button", { name: "Last ned møtepakken (Excel)" })).toBeNull();
    restore();
    fireEvent.click(retry);
    const download = await screen.findByRole("button", { name: "Last ned møtepakken (Excel)" });
    await waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(/Noe gikk galt hos oss/)).toBeNull();
  });
});
