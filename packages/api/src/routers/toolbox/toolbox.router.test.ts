import { listAudit, listProjectsOf, getMunicipalityByNumber, type Db } from "@malestokk/db";
import { MAX_TOOLBOX_DOCUMENT_BYTES } from "@malestokk/domain";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { toFieldIssues } from "../../errors";
import { expectAppError, expectTrpcError, setupApi } from "../../test-helpers";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
const DOCX = Buffer.from(
  zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "word/document.xml": strToU8("<w:document/>"),
  }),
);

/** The demo's joint project: Oslo (0301) owns it, Bergen (4601) and Stavanger (1103) take part. */
function jointProject(db: Db): number {
  const oslo = getMunicipalityByNumber(db, "0301")?.id ?? 0;
  const project = listProjectsOf(db, oslo).find((p) => p.ownerOrganisationId === oslo && p.participants.length > 0);
  if (!project) throw new Error("no demo joint project");
  return project.id;
}

const document = (projectId: number, content: Buffer, fileName = "krav.pdf") => ({
  projectId,
  title: "Kravspesifikasjon",
  fileName,
  contentBase64: content.toString("base64"),
});

function toolboxAudit(db: Db) {
  return listAudit(db, { limit: 100 })
    .filter((e) => e.action.startsWith("benefits.toolbox"))
    .reverse();
}

describe("a joint project's toolbox (issue 26)", () => {
  it("lets the secretariat add a link and a PDF, which participants read and download, and the owner removes, every step audited", async () => {
    const api = setupApi();
    const projectId = jointProject(api.db);
    const secretariat = api.as("secretariat@demo.example");
    const link = await secretariat.toolbox.addLink({ projectId, title: "Veileder for anskaffelse", url: "https://www.ks.no/veileder" });
    const pdf = await secretariat.toolbox.addDocument(document(projectId, PDF, "Krav – SvarUt.pdf"));

    const bergen = api.as("manager.4601@demo.example");
    const seen = await bergen.toolbox.list({ projectId });
    expect(seen.canEdit).toBe(false);
    expect(seen.entries).toEqual([
      expect.objectContaining({
        id: link.id,
        kind: "link",
        title: "Veileder for anskaffelse",
        url: "https://www.ks.no/veileder",
        fileName: null,
      }),
      expect.objectContaining({
        id: pdf.id,
        kind: "document",
        fileName: "Krav – SvarUt.pdf",
        documentType: "pdf",
        sizeBytes: PDF.length,
        url: null,
      }),
    ]);
    const download = await bergen.toolbox.document({ projectId, entryId: pdf.id });
    expect(download).toMatchObject({ fileName: "Krav – SvarUt.pdf", mediaType: "application/pdf", documentType: "pdf" });
    expect(Buffer.from(download.contentBase64, "base64").equals(PDF)).toBe(true);

    const oslo = api.as("manager.0301@demo.example");
    expect((await oslo.toolbox.list({ projectId })).canEdit).toBe(true);
    await oslo.toolbox.remove({ projectId, entryId: pdf.id });
    expect((await bergen.toolbox.list({ projectId })).entries.map((e) => e.id)).toEqual([link.id]);
    expectAppError(await expectTrpcError(() => bergen.toolbox.document({ projectId, entryId: pdf.id })), "NOT_FOUND");

    const linkDetails = { entryId: link.id, kind: "link", title: "Veileder for anskaffelse", url: "https://www.ks.no/veileder" };
    const pdfDetails = {
      entryId: pdf.id,
      kind: "document",
      title: "Kravspesifikasjon",
      fileName: "Krav – SvarUt.pdf",
      documentType: "pdf",
      sizeBytes: PDF.length,
    };
    expect(toolboxAudit(api.db).map((e) => [e.action, e.actorEmail, JSON.parse(e.details ?? "null") as unknown])).toEqual([
      ["benefits.toolboxEntryAdded", "secretariat@demo.example", linkDetails],
      ["benefits.toolboxEntryAdded", "secretariat@demo.example", pdfDetails],
      ["benefits.toolboxEntryRemoved", "manager.0301@demo.example", pdfDetails],
    ]);
  });

  it("audits each entry as removed when the project is deleted with its toolbox", async () => {
    const api = setupApi();
    const projectId = jointProject(api.db);
    const secretariat = api.as("secretariat@demo.example");
    const link = await secretariat.toolbox.addLink({ projectId, title: "Brukerreiser", url: "https://www.ks.no/reiser" });
    const pdf = await secretariat.toolbox.addDocument(document(projectId, PDF));
    const oslo = api.as("manager.0301@demo.example");
    const { project } = await oslo.benefits.project({ projectId });
    await oslo.benefits.deleteProject({ projectId, expectedVersion: project.version });

    const removed = toolboxAudit(api.db).filter((e) => e.action === "benefits.toolboxEntryRemoved");
    expect(removed.map((e) => [e.actorEmail, e.entityId, e.organisationId, JSON.parse(e.details ?? "null") as unknown])).toEqual([
      [
        "manager.0301@demo.example",
        String(projectId),
        getMunicipalityByNumber(api.db, "0301")?.id,
        { entryId: link.id, kind: "link", title: "Brukerreiser", url: "https://www.ks.no/reiser" },
      ],
      [
        "manager.0301@demo.example",
        String(projectId),
        getMunicipalityByNumber(api.db, "0301")?.id,
        { entryId: pdf.id, kind: "document", title: "Kravspesifikasjon", fileName: "krav.pdf", documentType: "pdf", sizeBytes: PDF.length },
      ],
    ]);
    expect(listAudit(api.db, { limit: 5 }).map((e) => e.action)).toContain("benefits.projectDeleted");
  });

  it("keeps the toolbox to the owner and the secretariat: participants, the board and outsiders cannot add or remove, outsiders cannot read", async () => {
    const api = setupApi();
    const projectId = jointProject(api.db);
    const { id } = await api
      .as("finance.0301@demo.example")
      .toolbox.addLink({ projectId, title: "Brukerreiser", url: "http://example.no/reiser" });
    for (const email of ["manager.4601@demo.example", "board@demo.example", "manager.5001@demo.example", "council@demo.example"]) {
      const caller = api.as(email);
      expectAppError(
        await expectTrpcError(() => caller.toolbox.addLink({ projectId, title: "X", url: "https://example.no/" })),
        "FORBIDDEN",
      );
      expectAppError(await expectTrpcError(() => caller.toolbox.addDocument(document(projectId, PDF))), "FORBIDDEN");
      expectAppError(await expectTrpcError(() => caller.toolbox.remove({ projectId, entryId: id })), "FORBIDDEN");
    }
    for (const email of ["manager.5001@demo.example", "council@demo.example"]) {
      expectAppError(await expectTrpcError(() => api.as(email).toolbox.list({ projectId })), "FORBIDDEN");
      expectAppError(await expectTrpcError(() => api.as(email).toolbox.document({ projectId, entryId: id })), "FORBIDDEN");
    }
    expect((await api.as("board@demo.example").toolbox.list({ projectId })).entries).toHaveLength(1);
    expect(toolboxAudit(api.db)).toHaveLength(1);
  });

  it("refuses an HTML page renamed .pdf, a Word file named .pdf, an empty file and one over 5 MB, and keeps nothing of them", async () => {
    const api = setupApi();
    const projectId = jointProject(api.db);
    const secretariat = api.as("secretariat@demo.example");
    const refusal = async (content: Buffer, fileName = "krav.pdf") => {
      const error = expectAppError(
        await expectTrpcError(() => secretariat.toolbox.addDocument(document(projectId, content, fileName))),
        "VALIDATION_FAILED",
      );
      return error.issues.map((i) => [i.path, i.code, i.params]);
    };
    expect(await refusal(HTML)).toEqual([[["file"], "FILE_WRONG_TYPE", {}]]);
    expect(await refusal(DOCX)).toEqual([[["file"], "FILE_WRONG_TYPE", {}]]);
    expect(await refusal(Buffer.alloc(0))).toEqual([[["file"], "FILE_EMPTY", {}]]);
    const big = Buffer.alloc(MAX_TOOLBOX_DOCUMENT_BYTES + 1);
    PDF.copy(big);
    expect(await refusal(big)).toEqual([[["file"], "FILE_TOO_LARGE", { maxMb: 5, size: big.length }]]);
    // Exactly the limit is kept, and a Word file named as one.
    await secretariat.toolbox.addDocument(document(projectId, big.subarray(0, MAX_TOOLBOX_DOCUMENT_BYTES)));
    const word = await secretariat.toolbox.addDocument(document(projectId, DOCX, "mal.docx"));
    const entries = (await secretariat.toolbox.list({ projectId })).entries;
    expect(entries.map((e) => [e.documentType, e.sizeBytes])).toEqual([
      ["pdf", MAX_TOOLBOX_DOCUMENT_BYTES],
      ["docx", DOCX.length],
    ]);
    expect((await secretariat.toolbox.document({ projectId, entryId: word.id })).mediaType).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(toolboxAudit(api.db)).toHaveLength(2);
  });

  it("refuses a link that is not http or https, and an entry of another project", async () => {
    const api = setupApi();
    const projectId = jointProject(api.db);
    const secretariat = api.as("secretariat@demo.example");
    for (const url of ["javascript:alert(1)", "data:text/html,<script>1</script>", "ftp://example.no/x"]) {
      const error = await expectTrpcError(() => secretariat.toolbox.addLink({ projectId, title: "Lenke", url }));
      expect(error.cause).toBeInstanceOf(ZodError);
      expect(toFieldIssues((error.cause as ZodError).issues)).toEqual([{ path: ["url"], code: "URL_NOT_WEB", params: {} }]);
    }
    const { id } = await secretariat.toolbox.addLink({ projectId, title: "Lenke", url: "https://example.no/" });
    const oslo = getMunicipalityByNumber(api.db, "0301")?.id ?? 0;
    const other = listProjectsOf(api.db, oslo).find((p) => p.id !== projectId)?.id ?? 0;
    expectAppError(await expectTrpcError(() => secretariat.toolbox.remove({ projectId: other, entryId: id })), "NOT_FOUND");
    expect((await secretariat.toolbox.list({ projectId })).entries).toHaveLength(1);
  });
});
