import { describe, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();
// A report no other spec touches: Drammen's approved 2024 cost report.
const REPORT = "/kommune/3301/kostnader/2024";

describe("a report under correction, end to end (issue 20)", () => {
  it("an administrator returns an approved report; another user still sees its figure, marked under correction", async () => {
    const admin = await browser.newPage();
    await signIn(admin, browser.baseUrl, "admin@demo.example", REPORT);
    await admin.getByRole("button", { name: "Send tilbake" }).click();
    await admin.getByLabel("Kommentar til økonomi").fill("Rett lisenskostnadene");
    await admin.getByRole("dialog").getByRole("button", { name: "Send tilbake" }).click();
    await admin.getByTestId("report-returned").waitFor();

    const board = await browser.newPage();
    await signIn(board, browser.baseUrl, "board@demo.example", "/kommune/3301/profil?year=2024");
    const k1 = board
      .getByTestId("profile-cost")
      .getByRole("row")
      .filter({ has: board.getByRole("rowheader", { name: "IKT-kostnad per innbygger" }) });
    await k1
      .getByRole("cell")
      .first()
      .filter({ hasText: /kr \(under retting\)$/ })
      .waitFor();

    await board.goto(`${browser.baseUrl}/sektor?year=2024`);
    await board.getByTestId("under-correction").filter({ hasText: "Drammen (3301)" }).waitFor();
    await expectNoSeriousA11yViolations(board, "sector page with a report under correction");
  });
});
