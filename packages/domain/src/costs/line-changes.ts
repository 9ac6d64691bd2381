import { IT_SERVICES, type CostType, type ItService } from "./catalogue";
import { costLineKey, costTotals, type CostLine } from "./report";

/** A line as the preview shows it: the fagsystem by its name in the register. */
export interface PreviewLine {
  readonly service: ItService;
  readonly costType: CostType;
  readonly system: string | null;
  readonly amount: number;
  readonly comment: string | null;
}

export type FieldChange =
  | { readonly field: "amount"; readonly before: number; readonly after: number }
  | { readonly field: "comment" | "system"; readonly before: string | null; readonly after: string | null };

/** A line that stays, with only the fields that change; `system` is the fagsystem it had. */
export interface ChangedLine {
  readonly service: ItService;
  readonly costType: CostType;
  readonly system: string | null;
  readonly fields: readonly FieldChange[];
}

export interface ServiceTotalChange {
  readonly service: ItService;
  readonly before: number;
  readonly after: number;
  readonly difference: number;
}

export interface CostLineChanges {
  readonly added: readonly PreviewLine[];
  readonly removed: readonly PreviewLine[];
  readonly changed: readonly ChangedLine[];
  /** Lines the same before and after: counted, not listed, so the preview stays small. */
  readonly unchanged: number;
  /** Every IT service, in catalogue order, with its total before and after (kroner). */
  readonly byService: readonly ServiceTotalChange[];
  readonly total: { readonly before: number; readonly after: number; readonly difference: number };
}

interface Indexed {
  readonly line: CostLine;
  readonly index: number;
}

/**
 * Pairs the lines left over once lines with the same key are matched, within one service and cost
 * type: a line that moved to another fagsystem. Equal amounts pair first, in order; then one line
 * left on each side pairs. Anything else cannot be told apart surely and stays removed and added.
 */
function pairMoved(removed: Indexed[], added: Indexed[]): [Indexed, Indexed][] {
  const pairs: [Indexed, Indexed][] = [];
  const group = (l: CostLine) => `${l.service}|${l.costType}`;
  for (const key of new Set(removed.map((r) => group(r.line)))) {
    const olds = removed.filter((r) => group(r.line) === key);
    const news = added.filter((a) => group(a.line) === key);
    for (const old of [...olds]) {
      const same = news.findIndex((n) => n.line.amount === old.line.amount);
      if (same < 0) continue;
      pairs.push([old, news[same] as Indexed]);
      news.splice(same, 1);
      olds.splice(olds.indexOf(old), 1);
    }
    if (olds.length === 1 && news.length === 1) pairs.push([olds[0] as Indexed, news[0] as Indexed]);
  }
  return pairs;
}

/**
 * What replacing a report's lines `before` with `after` changes (issue 18, the import preview):
 * the lines added and removed in full, the fields of each remaining line that change (amount,
 * comment, fagsystem, before → after), and the total of every IT service before and after.
 * Lines are matched by service, cost type and fagsystem; see `pairMoved` for a changed fagsystem.
 * Amounts are whole kroner. `systemNames` names the register's fagsystemer (unknown: "#id").
 */
export function costLineChanges(
  before: readonly CostLine[],
  after: readonly CostLine[],
  systemNames: ReadonlyMap<number, string>,
): CostLineChanges {
  const name = (id: number | null) => (id === null ? null : (systemNames.get(id) ?? `#${id}`));
  const show = (l: CostLine): PreviewLine => ({
    service: l.service,
    costType: l.costType,
    system: name(l.systemId),
    amount: l.amount,
    comment: l.comment,
  });
  const oldByKey = new Map(before.map((line, index) => [costLineKey(line), { line, index }]));
  const newKeys = new Set(after.map(costLineKey));
  const pairs: [Indexed, Indexed][] = [];
  const added: Indexed[] = [];
  after.forEach((line, index) => {
    const old = oldByKey.get(costLineKey(line));
    if (old) pairs.push([old, { line, index }]);
    else added.push({ line, index });
  });
  const removed = before.map((line, index) => ({ line, index })).filter((r) => !newKeys.has(costLineKey(r.line)));
  const moved = pairMoved(removed, added);
  pairs.push(...moved);
  const pairedOld = new Set(moved.map(([o]) => o));
  const pairedNew = new Set(moved.map(([, n]) => n));

  const changed: (ChangedLine & { readonly order: number })[] = [];
  let unchanged = 0;
  for (const [old, next] of pairs) {
    const fields: FieldChange[] = [];
    if (old.line.amount !== next.line.amount) fields.push({ field: "amount", before: old.line.amount, after: next.line.amount });
    if ((old.line.comment ?? null) !== (next.line.comment ?? null))
      fields.push({ field: "comment", before: old.line.comment ?? null, after: next.line.comment ?? null });
    if (old.line.systemId !== next.line.systemId)
      fields.push({ field: "system", before: name(old.line.systemId), after: name(next.line.systemId) });
    if (fields.length === 0) unchanged += 1;
    else
      changed.push({ service: old.line.service, costType: old.line.costType, system: name(old.line.systemId), fields, order: next.index });
  }

  const totalsBefore = costTotals(before);
  const totalsAfter = costTotals(after);
  return {
    added: added.filter((a) => !pairedNew.has(a)).map((a) => show(a.line)),
    removed: removed.filter((r) => !pairedOld.has(r)).map((r) => show(r.line)),
    changed: changed.sort((a, b) => a.order - b.order).map(({ order: _order, ...c }) => c),
    unchanged,
    byService: IT_SERVICES.map((service) => {
      const [b, a] = [totalsBefore.byService[service], totalsAfter.byService[service]];
      return { service, before: b, after: a, difference: a - b };
    }),
    total: { before: totalsBefore.total, after: totalsAfter.total, difference: totalsAfter.total - totalsBefore.total },
  };
}
