import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { renderApp } from "../../test/render";

function unloadIsBlocked(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe("saving a quality report (issue 19)", () => {
  it("refreshes the views that read the same indicators: the sector dashboard and the profile against its peers", async () => {
    const { router, queryClient } = renderApp("/sektor", { as: "admin@demo.example" });
    await screen.findByRole("heading", { level: 1, name: /^Sektoren \d{4}$/ });
    const dashboard = () =>
      Math.min(
        ...queryClient
          .getQueryCache()
          .findAll({ queryKey: [["sector", "dashboard"]] })
          .map((q) => q.state.dataUpdatedAt),
      );
    expect(dashboard()).toBeGreaterThan(0);
    await act(() => router.navigate("/kommune/0301/profil"));
    const readers = () =>
      [
        ["benchmarks", "profile"],
        ["sector", "dashboard"],
      ].map((key) => queryClient.getQueryCache().findAll({ queryKey: [key] }));
    await waitFor(() => expect(readers().every((queries) => queries.length > 0)).toBe(true));

    await act(() => router.navigate("/kommune/0301/tjenester/2020"));
    fireEvent.change(await screen.findByLabelText("Trinn: Byggesøknad"), { target: { value: "4" } });
    const savedAt = Date.now();
    fireEvent.click(screen.getByRole("button", { name: "Lagre utkast" }));
    await waitFor(() => expect(screen.getByTestId("quality-message").textContent).toBe("Lagret."));
    // Each view is stale now (those off screen refetch when shown again) or has refetched since the save.
    for (const queries of readers()) {
      for (const query of queries) expect(query.state.isInvalidated || query.state.dataUpdatedAt >= savedAt).toBe(true);
    }

    // Saved, the page lets the user go (the guard lets go once the form is clean).
    await waitFor(() => expect(unloadIsBlocked()).toBe(false));
    await act(() => router.navigate("/sektor"));
    await screen.findByRole("heading", { level: 1, name: /^Sektoren \d{4}$/ });
    await waitFor(() => expect(dashboard()).toBeGreaterThanOrEqual(savedAt), { timeout: 5000 });
  });
});
