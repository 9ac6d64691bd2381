import { mapRegion, type Crosswalk, type RegionChange } from "../register/crosswalk";
import { cleanName } from "../text/clean";
import { JsonStatError } from "./jsonstat";

export interface KlassCorrespondenceItem {
  readonly sourceCode: string;
  readonly sourceName: string;
  readonly targetCode: string;
  readonly targetName: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new JsonStatError("BAD_JSON", { detail: error instanceof Error ? error.message : "unparsable" });
  }
}

/**
 * Reads a KLASS correspondence (SSB's classification service, e.g. municipalities 131 ↔ KOSTRA
 * groups 112) as its JSON API returns it: `{ correspondenceItems: [{ sourceCode, targetCode, … }] }`.
 */
export function parseKlassCorrespondence(text: string): KlassCorrespondenceItem[] {
  const raw = parseJson(text);
  if (!isObject(raw) || !Array.isArray(raw.correspondenceItems))
    throw new JsonStatError("NOT_A_DATASET", { detail: "no correspondenceItems" });
  return raw.correspondenceItems.map((item, index) => {
    if (!isObject(item) || typeof item.sourceCode !== "string" || typeof item.targetCode !== "string") {
      throw new JsonStatError("BAD_STRUCTURE", { item: index });
    }
    return {
      sourceCode: item.sourceCode,
      sourceName: typeof item.sourceName === "string" ? cleanName(item.sourceName) : "",
      targetCode: item.targetCode,
      targetName: typeof item.targetName === "string" ? cleanName(item.targetName) : "",
    };
  });
}

export interface KostraAssignment {
  readonly number: string;
  readonly group: string;
  readonly groupName: string;
}

export interface KostraPlan {
  readonly assignments: readonly KostraAssignment[];
  readonly skipped: readonly {
    readonly code: string;
    readonly name: string;
    readonly reason: "UNKNOWN_REGION" | "SPLIT" | "NOT_A_MUNICIPALITY";
  }[];
  /** Units of the register that the file gives no group. */
  readonly unassigned: readonly string[];
}

/**
 * Plans KOSTRA groups from a correspondence for a year: either side may hold the municipality
 * number; older numbers go through the crosswalk; a unit listed twice with different groups is
 * refused rather than resolved by order.
 */
export function planKostraGroups(args: {
  readonly items: readonly KlassCorrespondenceItem[];
  readonly year: number;
  readonly knownNumbers: ReadonlySet<string>;
  readonly crosswalk?: Crosswalk;
}): KostraPlan {
  const assignments = new Map<string, KostraAssignment>();
  const skipped: KostraPlan["skipped"][number][] = [];
  for (const item of args.items) {
    const sourceIsMunicipality = /^(K-)?\d{4}$/.test(item.sourceCode);
    const code = sourceIsMunicipality ? item.sourceCode : item.targetCode;
    const name = sourceIsMunicipality ? item.sourceName : item.targetName;
    const group = sourceIsMunicipality ? item.targetCode : item.sourceCode;
    const groupName = sourceIsMunicipality ? item.targetName : item.sourceName;
    const mapping = mapRegion(code, args.year, args.knownNumbers, args.crosswalk);
    if (mapping.kind === "split") skipped.push({ code, name, reason: "SPLIT" });
    else if (mapping.kind !== "municipality") {
      skipped.push({ code, name, reason: mapping.kind === "nonMunicipal" ? "NOT_A_MUNICIPALITY" : "UNKNOWN_REGION" });
    } else {
      const earlier = assignments.get(mapping.number);
      if (earlier && earlier.group !== group) {
        throw new JsonStatError("BAD_STRUCTURE", { detail: "unit in two groups", region: code, groups: `${earlier.group}, ${group}` });
      }
      assignments.set(mapping.number, { number: mapping.number, group, groupName });
    }
  }
  const unassigned = [...args.knownNumbers].filter((n) => !assignments.has(n)).sort();
  return { assignments: [...assignments.values()].sort((a, b) => a.number.localeCompare(b.number)), skipped, unassigned };
}

export interface KlassCode {
  readonly code: string;
  readonly name: string;
}

/** Reads a KLASS `codes` response (e.g. classification 131, municipalities): `{ codes: [{ code, name }] }`. */
export function parseKlassCodes(text: string): KlassCode[] {
  const raw = parseJson(text);
  if (!isObject(raw) || !Array.isArray(raw.codes)) throw new JsonStatError("NOT_A_DATASET", { detail: "no codes" });
  return raw.codes.map((item, index) => {
    const name = isObject(item) && typeof item.name === "string" ? cleanName(item.name) : "";
    if (!isObject(item) || typeof item.code !== "string" || name === "") throw new JsonStatError("BAD_STRUCTURE", { item: index });
    return { code: item.code, name };
  });
}

export interface RegisterNamePlan {
  /** Official names: "Norwegian - Sámi" becomes name and parallel name. */
  readonly names: readonly { readonly number: string; readonly name: string; readonly altName: string | null }[];
  /** Codes of the file that are not units of the 2024 division (reported, never added). */
  readonly unknown: readonly string[];
  /** Units of the register that the file does not list. */
  readonly missing: readonly string[];
}

/**
 * Plans a refresh of municipality names from KLASS 131. KLASS writes parallel official names as
 * "Kautokeino - Guovdageaidnu" or "Guovdageaidnu - Kautokeino"; the part that matches the stored
 * name stays the name, the other becomes the parallel name. The division itself (which numbers
 * exist) is never changed by a names file.
 */
export function planRegisterNames(codes: readonly KlassCode[], current: ReadonlyMap<string, string>): RegisterNamePlan {
  const names: RegisterNamePlan["names"][number][] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const { code, name } of codes) {
    if (!/^\d{4}$/.test(code)) continue;
    const stored = current.get(code);
    if (stored === undefined) {
      unknown.push(code);
      continue;
    }
    seen.add(code);
    const parts = name
      .split(" - ")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const primary = parts.find((p) => p === stored) ?? parts[0] ?? name;
    const others = parts.filter((p) => p !== primary);
    names.push({ number: code, name: primary, altName: others.length > 0 ? others.join(" - ") : null });
  }
  const missing = [...current.keys()].filter((n) => !seen.has(n)).sort();
  return { names, unknown, missing };
}

/**
 * Reads a KLASS `changes` response (classification 131, e.g. `changes?from=2019-01-01&to=2024-01-02`):
 * `{ codeChanges: [{ oldCode, newCode, changeOccurred }] }`. Only municipality numbers are kept.
 */
export function parseKlassChanges(text: string): RegionChange[] {
  const raw = parseJson(text);
  if (!isObject(raw) || !Array.isArray(raw.codeChanges)) throw new JsonStatError("NOT_A_DATASET", { detail: "no codeChanges" });
  const changes: RegionChange[] = [];
  raw.codeChanges.forEach((item, index) => {
    if (
      !isObject(item) ||
      typeof item.oldCode !== "string" ||
      typeof item.newCode !== "string" ||
      typeof item.changeOccurred !== "string" ||
      !/^\d{4}-\d{2}-\d{2}$/.test(item.changeOccurred)
    ) {
      throw new JsonStatError("BAD_STRUCTURE", { item: index });
    }
    if (/^\d{4}$/.test(item.oldCode) && /^\d{4}$/.test(item.newCode)) {
      changes.push({ oldCode: item.oldCode, newCode: item.newCode, occurred: item.changeOccurred });
    }
  });
  if (changes.length === 0) throw new JsonStatError("NOT_A_DATASET", { detail: "no municipality changes" });
  return changes;
}
