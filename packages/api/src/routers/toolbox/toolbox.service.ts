import {
  appendAudit,
  deleteToolboxEntry,
  getToolboxDocument,
  getToolboxEntry,
  insertToolboxDocument,
  insertToolboxLink,
  listToolboxEntries,
  type Db,
  type DbOrTx,
  type ToolboxEntryRow,
} from "@malestokk/db";
import {
  can,
  checkToolboxDocument,
  cleanToolboxFileName,
  TOOLBOX_MEDIA_TYPES,
  type AuditAction,
  type ToolboxDocumentInput,
  type ToolboxLinkInput,
} from "@malestokk/domain";

import { auditBy, type ChangeOptions, type Session } from "../../context";
import { AppError } from "../../errors";

/**
 * A joint project's toolbox (issue 26, docs/toolbox.md): titled links and small documents, kept by the
 * owning municipality and the secretariat, read by whoever sees the project. Every addition and
 * removal is one audit entry filed under the owner, in the same transaction as the change.
 */
interface ToolboxProject {
  readonly id: number;
  readonly ownerOrganisationId: number;
}

function audit(tx: DbOrTx, project: ToolboxProject, action: AuditAction, entry: ToolboxEntryRow, options: ChangeOptions) {
  appendAudit(tx, {
    at: options.now.toISOString(),
    ...auditBy(options.actor),
    action,
    entity: "project",
    entityId: String(project.id),
    organisationId: project.ownerOrganisationId,
    details: {
      entryId: entry.id,
      kind: entry.kind,
      title: entry.title,
      ...(entry.kind === "link"
        ? { url: entry.url }
        : { fileName: entry.fileName, documentType: entry.documentType, sizeBytes: entry.sizeBytes }),
    },
  });
}

function requireEntry(db: DbOrTx, projectId: number, entryId: number): ToolboxEntryRow {
  const entry = getToolboxEntry(db, projectId, entryId);
  if (!entry) throw new AppError("NOT_FOUND", { params: { entryId } });
  return entry;
}

/** The toolbox as a reader sees it, and whether this reader may add to it and remove from it. */
export function getToolbox(db: Db, project: ToolboxProject, session: Session) {
  return {
    entries: listToolboxEntries(db, project.id),
    canEdit: can(session.grants, "benefits.toolbox", project.ownerOrganisationId),
  };
}

export function addToolboxLink(db: Db, project: ToolboxProject, link: ToolboxLinkInput, options: ChangeOptions): { id: number } {
  return db.transaction(
    (tx) => {
      const id = insertToolboxLink(tx, project.id, link, {
        userId: options.actor.userId,
        userName: options.actor.name,
        now: options.now.toISOString(),
      });
      audit(tx, project, "benefits.toolboxEntryAdded", requireEntry(tx, project.id, id), options);
      return { id };
    },
    { behavior: "immediate" },
  );
}

/**
 * Keeps a document when its content is PDF, DOCX or XLSX and matches its name, within the size limit;
 * otherwise refuses it with one field issue on `file` saying why (empty, too large, wrong type).
 */
export function addToolboxDocument(
  db: Db,
  project: ToolboxProject,
  document: ToolboxDocumentInput & { content: Uint8Array },
  options: ChangeOptions,
): { id: number } {
  const check = checkToolboxDocument(document.fileName, document.content);
  if (!check.ok) throw new AppError("VALIDATION_FAILED", { issues: [{ path: ["file"], code: check.code, params: check.params }] });
  return db.transaction(
    (tx) => {
      const id = insertToolboxDocument(
        tx,
        project.id,
        {
          title: document.title,
          fileName: cleanToolboxFileName(document.fileName, check.type),
          documentType: check.type,
          content: document.content,
        },
        { userId: options.actor.userId, userName: options.actor.name, now: options.now.toISOString() },
      );
      audit(tx, project, "benefits.toolboxEntryAdded", requireEntry(tx, project.id, id), options);
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function removeToolboxEntry(db: Db, project: ToolboxProject, entryId: number, options: ChangeOptions): void {
  db.transaction(
    (tx) => {
      const entry = requireEntry(tx, project.id, entryId);
      deleteToolboxEntry(tx, project.id, entryId);
      audit(tx, project, "benefits.toolboxEntryRemoved", entry, options);
    },
    { behavior: "immediate" },
  );
}

/**
 * Audits each entry of a project's toolbox as removed, for a caller about to delete the project (whose
 * deletion takes the entries with it), in its transaction: the log keeps what the toolbox held.
 */
export function auditToolboxRemovedWithProject(tx: DbOrTx, project: ToolboxProject, options: ChangeOptions): void {
  for (const entry of listToolboxEntries(tx, project.id)) audit(tx, project, "benefits.toolboxEntryRemoved", entry, options);
}

/** A document to download: its stored name, the content type of its checked type, and its bytes. */
export function getToolboxDownload(db: Db, project: ToolboxProject, entryId: number) {
  const document = getToolboxDocument(db, project.id, entryId);
  if (!document) throw new AppError("NOT_FOUND", { params: { entryId } });
  return {
    fileName: document.fileName,
    documentType: document.documentType,
    mediaType: TOOLBOX_MEDIA_TYPES[document.documentType],
    content: document.content,
  };
}
