import { and, asc, eq } from "drizzle-orm";
import type { ToolboxDocumentType } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { toolboxEntries, toolboxFiles } from "../schema/index";

/** One entry of a joint project's toolbox as the list shows it (no bytes). */
export interface ToolboxEntryRow {
  readonly id: number;
  readonly kind: "link" | "document";
  readonly title: string;
  readonly url: string | null;
  readonly fileName: string | null;
  readonly documentType: ToolboxDocumentType | null;
  readonly sizeBytes: number | null;
  readonly addedByName: string;
  readonly addedAt: string;
}

const ENTRY_COLUMNS = {
  id: toolboxEntries.id,
  kind: toolboxEntries.kind,
  title: toolboxEntries.title,
  url: toolboxEntries.url,
  fileName: toolboxEntries.fileName,
  documentType: toolboxEntries.documentType,
  sizeBytes: toolboxEntries.sizeBytes,
  addedByName: toolboxEntries.addedByName,
  addedAt: toolboxEntries.addedAt,
};

/** A project's toolbox, oldest first (the order it was put together in). */
export function listToolboxEntries(db: DbOrTx, projectId: number): ToolboxEntryRow[] {
  return db
    .select(ENTRY_COLUMNS)
    .from(toolboxEntries)
    .where(eq(toolboxEntries.projectId, projectId))
    .orderBy(asc(toolboxEntries.addedAt), asc(toolboxEntries.id))
    .all();
}

export function getToolboxEntry(db: DbOrTx, projectId: number, entryId: number): ToolboxEntryRow | null {
  return (
    db
      .select(ENTRY_COLUMNS)
      .from(toolboxEntries)
      .where(and(eq(toolboxEntries.projectId, projectId), eq(toolboxEntries.id, entryId)))
      .get() ?? null
  );
}

interface AddedBy {
  readonly userId: number | null;
  readonly userName: string;
  readonly now: string;
  readonly isDemo?: boolean;
}

function addedBy(projectId: number, by: AddedBy) {
  return { projectId, addedByUserId: by.userId, addedByName: by.userName, addedAt: by.now, isDemo: by.isDemo ?? false };
}

export function insertToolboxLink(db: DbOrTx, projectId: number, link: { title: string; url: string }, by: AddedBy): number {
  const row = db
    .insert(toolboxEntries)
    .values({ ...addedBy(projectId, by), kind: "link", title: link.title, url: link.url })
    .returning({ id: toolboxEntries.id })
    .get();
  return row.id;
}

/** A document and its bytes: two rows, so call it inside a transaction. */
export function insertToolboxDocument(
  db: DbOrTx,
  projectId: number,
  document: { title: string; fileName: string; documentType: ToolboxDocumentType; content: Uint8Array },
  by: AddedBy,
): number {
  const row = db
    .insert(toolboxEntries)
    .values({
      ...addedBy(projectId, by),
      kind: "document",
      title: document.title,
      fileName: document.fileName,
      documentType: document.documentType,
      sizeBytes: document.content.length,
    })
    .returning({ id: toolboxEntries.id })
    .get();
  db.insert(toolboxFiles)
    .values({ entryId: row.id, content: Buffer.from(document.content.buffer, document.content.byteOffset, document.content.length) })
    .run();
  return row.id;
}

/** A document's name, type and bytes, when it belongs to the project. */
export function getToolboxDocument(
  db: DbOrTx,
  projectId: number,
  entryId: number,
): { fileName: string; documentType: ToolboxDocumentType; content: Buffer } | null {
  const row = db
    .select({ fileName: toolboxEntries.fileName, documentType: toolboxEntries.documentType, content: toolboxFiles.content })
    .from(toolboxEntries)
    .innerJoin(toolboxFiles, eq(toolboxFiles.entryId, toolboxEntries.id))
    .where(and(eq(toolboxEntries.projectId, projectId), eq(toolboxEntries.id, entryId), eq(toolboxEntries.kind, "document")))
    .get();
  if (!row || row.fileName === null || row.documentType === null) return null;
  return { fileName: row.fileName, documentType: row.documentType, content: row.content };
}

/** Removes an entry (and its bytes, by cascade); false when the project has no such entry. */
export function deleteToolboxEntry(db: DbOrTx, projectId: number, entryId: number): boolean {
  const result = db
    .delete(toolboxEntries)
    .where(and(eq(toolboxEntries.projectId, projectId), eq(toolboxEntries.id, entryId)))
    .run();
  return result.changes > 0;
}
