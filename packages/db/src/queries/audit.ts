import { and, desc, eq, gte, like, lte, type SQL } from "drizzle-orm";

import type { AuditAction } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { auditLog } from "../schema/index";

export interface AuditEntry {
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorEmail: string | null;
  readonly action: AuditAction;
  readonly entity?: string | null;
  readonly entityId?: string | null;
  readonly organisationId?: number | null;
  readonly details?: unknown;
  readonly ip?: string | null;
}

export interface AuditRow {
  readonly id: number;
  readonly at: string;
  readonly actorUserId: number | null;
  readonly actorEmail: string | null;
  readonly action: string;
  readonly entity: string | null;
  readonly entityId: string | null;
  readonly organisationId: number | null;
  readonly details: string | null;
  readonly ip: string | null;
}

/** Appends one entry; call it inside the transaction that makes the change it records. */
export function appendAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: entry.at,
      actorUserId: entry.actorUserId,
      actorEmail: entry.actorEmail,
      action: entry.action,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      organisationId: entry.organisationId ?? null,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
      ip: entry.ip ?? null,
    })
    .run();
}

export interface AuditFilter {
  readonly action?: string | undefined;
  readonly actorEmail?: string | undefined;
  readonly organisationId?: number | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
}

/** Newest first, filtered; `actorEmail` matches a part of the address. */
export function listAudit(db: DbOrTx, filter: AuditFilter): AuditRow[] {
  const conditions: (SQL | undefined)[] = [
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.actorEmail ? like(auditLog.actorEmail, `%${filter.actorEmail.replace(/[%_]/g, "")}%`) : undefined,
    filter.organisationId === undefined ? undefined : eq(auditLog.organisationId, filter.organisationId),
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
  ];
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .all();
}
