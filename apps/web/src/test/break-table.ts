import { screen, within } from "@testing-library/react";

import type { renderApp } from "./render";

type Sqlite = ReturnType<typeof renderApp>["sqlite"];

/**
 * Makes every read of `table` fail until the returned function puts it back: the server then
 * answers INTERNAL, as it would for a fault on its side. The page's queries start after its lazy
 * route has loaded, so they find the table gone.
 */
export function breakTable(sqlite: Sqlite, table: string): () => void {
  sqlite.exec(`alter table ${table} rename to ${table}_away`);
  return () => sqlite.exec(`alter table ${table}_away rename to ${table}`);
}

/** The failure a QueryView shows (inside `testId` when given), and its retry button. */
export async function findFailure(testId?: string) {
  const scope = testId ? within(await screen.findByTestId(testId)) : screen;
  const message = await scope.findByText(/Noe gikk galt hos oss/);
  return { message, retry: scope.getByRole("button", { name: "Prøv igjen" }) };
}
