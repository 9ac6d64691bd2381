import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { breakTable, findFailure } from "../test/break-table";
import { renderApp } from "../test/render";

describe("pages that used to show nothing when a query failed", () => {
  it("the follow-up after sign-in says the query failed and retries it", async () => {
    const { sqlite } = renderApp("/kommuner", { as: "manager.0301@demo.example" });
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
