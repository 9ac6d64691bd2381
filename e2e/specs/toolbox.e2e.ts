import { readFile } from "node:fs/promises";

import { expect, describe, it } from "vitest";

import { expectNoSeriousA11yViolations, signIn, useBrowser } from "../support/browser";

const browser = useBrowser();

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

// Issue 26: a joint project's toolbox; the secretariat keeps it, a participating municipality downloads from it.
describe("a joint project's toolbox", () => {
  it("the secretariat uploads a PDF and adds a link; a participant downloads the PDF as an attachment; axe is clean", async () => {
    // Bergen (4601) takes part in Oslo's joint project: its portfolio leads to the project's page.
    const participant = await browser.newPage();
    await signIn(participant, browser.baseUrl, "manager.4601@demo.example", "/kommune/4601/gevinster");
    await participant.getByTestId("portfolio-projects").getByRole("link", { name: "Felles innbyggerportal" }).click();
    await participant.getByRole("heading", { level: 1, name: "Gevinstplan: Felles innbyggerportal" }).waitFor();
    const projectPath = new URL(participant.url()).pathname;
    const readerToolbox = participant.getByTestId("toolbox");
    await readerToolbox.getByText("Verktøykassen er tom.").waitFor();
    expect(await readerToolbox.getByTestId("toolbox-upload-form").count()).toBe(0);

    const secretariat = await browser.newPage();
    await signIn(secretariat, browser.baseUrl, "secretariat@demo.example", projectPath);
    const toolbox = secretariat.getByTestId("toolbox");
    await toolbox.getByText("Verktøykassen er tom.").waitFor();
    await expectNoSeriousA11yViolations(secretariat, "empty toolbox with its forms");

    // An HTML page named .pdf passes the browser's check of the name, and the server refuses it by its content.
    const upload = toolbox.getByTestId("toolbox-upload-form");
    await upload.getByLabel("Tittel").fill("Kravspesifikasjon");
    await upload
      .getByLabel("Fil")
      .setInputFiles({ name: "krav.pdf", mimeType: "application/pdf", buffer: Buffer.from("<!doctype html><p>hei</p>") });
    await upload.getByRole("button", { name: "Last opp" }).click();
    await upload.getByTestId("toolbox-file-error").filter({ hasText: "Filen er ikke en PDF" }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, "upload refused by its content");

    await upload.getByLabel("Fil").setInputFiles({ name: "Kravspesifikasjon – SvarUt.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.getByRole("button", { name: "Last opp" }).click();
    const table = toolbox.getByTestId("toolbox-table");
    await table.getByRole("link", { name: /Kravspesifikasjon/ }).waitFor();
    await secretariat.getByText("Dokumentet «Kravspesifikasjon» er lastet opp til verktøykassen.").waitFor();

    const link = toolbox.getByTestId("toolbox-link-form");
    await link.getByLabel("Tittel").fill("Veileder for anskaffelse");
    await link.getByLabel("Nettadresse").fill("https://www.anskaffelser.no/");
    await link.getByRole("button", { name: "Legg til lenke" }).click();
    await table.getByRole("link", { name: "Veileder for anskaffelse" }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, "toolbox with a document and a link");

    await participant.reload();
    const pdfLink = participant.getByTestId("toolbox-table").getByRole("link", { name: /Kravspesifikasjon/ });
    await pdfLink.waitFor();
    await expectNoSeriousA11yViolations(participant, "toolbox as a participant reads it");
    const [download] = await Promise.all([participant.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toBe("Kravspesifikasjon – SvarUt.pdf");
    expect((await readFile((await download.path()) ?? "")).equals(PDF)).toBe(true);
  });
});
