import { useCallback } from "react";
import { useSearchParams } from "react-router";

import { useUrlState } from "../../lib/url-state";

/** The audit filter as the URL holds it: plain strings, "" for "not set". Dates are YYYY-MM-DD. */
export interface AuditFilterValues {
  readonly action: string;
  readonly actor: string;
  readonly municipality: string;
  readonly from: string;
  readonly to: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { action: "", actor: "", municipality: "", from: "", to: "" };

const KEYS = ["action", "actor", "municipality", "from", "to"] as const satisfies readonly (keyof AuditFilterValues)[];

const MUNICIPALITY = /^\d{4}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a YYYY-MM-DD day, or null for anything that is not a real date. */
export function startOfDay(value: string): Date | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

export function isValidMunicipalityNumber(value: string): boolean {
  return MUNICIPALITY.test(value);
}

const parsers: Record<keyof AuditFilterValues, (raw: string) => string | null> = {
  action: (raw) => (raw.length <= 100 ? raw : null),
  actor: (raw) => (raw.length <= 254 ? raw : null),
  municipality: (raw) => (MUNICIPALITY.test(raw) ? raw : null),
  from: (raw) => (startOfDay(raw) ? raw : null),
  to: (raw) => (startOfDay(raw) ? raw : null),
};

export type AuditQueryInput = {
  action?: string;
  actorEmail?: string;
  municipalityNumber?: string;
  from?: string;
  to?: string;
};

/** The procedure's input: whole days in the user's time zone, `to` up to the end of its day. */
export function toAuditInput(values: AuditFilterValues): AuditQueryInput {
  const input: AuditQueryInput = {};
  if (values.action) input.action = values.action;
  const actor = values.actor.trim();
  if (actor) input.actorEmail = actor;
  if (MUNICIPALITY.test(values.municipality)) input.municipalityNumber = values.municipality;
  const from = startOfDay(values.from);
  if (from) input.from = from.toISOString();
  const to = startOfDay(values.to);
  if (to) {
    const end = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1);
    input.to = new Date(end.getTime() - 1).toISOString();
  }
  return input;
}

export function hasAuditFilter(values: AuditFilterValues): boolean {
  return KEYS.some((key) => values[key] !== "");
}

/**
 * The audit filter kept in the URL (U-3). Each value is read with useUrlState; a new filter is
 * written in one navigation, because several setSearchParams calls in one event overwrite each other.
 */
export function useAuditFilter(): [AuditFilterValues, (next: AuditFilterValues) => void] {
  const [action] = useUrlState("action", "", parsers.action);
  const [actor] = useUrlState("actor", "", parsers.actor);
  const [municipality] = useUrlState("municipality", "", parsers.municipality);
  const [from] = useUrlState("from", "", parsers.from);
  const [to] = useUrlState("to", "", parsers.to);
  const [, setParams] = useSearchParams();
  const apply = useCallback(
    (next: AuditFilterValues) => {
      setParams(
        (current) => {
          const copy = new URLSearchParams(current);
          for (const key of KEYS) {
            const value = next[key].trim();
            if (value === "") copy.delete(key);
            else copy.set(key, value);
          }
          return copy;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [{ action, actor, municipality, from, to }, apply];
}
