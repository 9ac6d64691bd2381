import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";

import { useUrlState } from "./url-state";

function Filters() {
  const [year, setYear] = useUrlState<string>("year", "2024");
  const [group, setGroup] = useUrlState<string>("group", "kostra");
  return (
    <>
      <p>
        {year} {group}
      </p>
      <button
        onClick={() => {
          setYear("2020");
          setGroup("county");
        }}
      >
        both
      </button>
      <button onClick={() => setGroup("kostra")}>reset group</button>
    </>
  );
}

function renderAt(path: string) {
  const router = createMemoryRouter([{ path: "/", element: <Filters /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

describe("useUrlState", () => {
  it("keeps both changes when two setters run in one event (each used to start from the same old address)", async () => {
    const router = renderAt("/?view=map");
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "both" }));
    });
    await waitFor(() => expect(screen.getByText("2020 county")).toBeTruthy());
    expect(new URLSearchParams(router.state.location.search).toString()).toBe("view=map&year=2020&group=county");
  });

  it("drops the parameter when set back to its default, and later changes start from the address shown", async () => {
    const router = renderAt("/?group=county&year=2019");
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "reset group" }));
    });
    await waitFor(() => expect(router.state.location.search).toBe("?year=2019"));
    await act(() => router.navigate("/?year=2018&group=county"));
    act(() => {
      fireEvent.click(screen.getByRole("button", { name: "reset group" }));
    });
    await waitFor(() => expect(router.state.location.search).toBe("?year=2018"));
  });
});
