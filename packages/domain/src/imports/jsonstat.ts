/** SSB's status symbols: a value that is not there is never a zero (docs/indicators.md#missing-data). */
export type MissingKind = "missing" | "notApplicable" | "confidential";

export function missingKindOf(status: string | null): MissingKind {
  if (status === ".") return "notApplicable";
  if (status === ":") return "confidential";
  return "missing";
}

export interface JsonStatCategory {
  readonly code: string;
  readonly label: string;
}

export interface JsonStatDimension {
  readonly id: string;
  readonly label: string;
  readonly categories: readonly JsonStatCategory[];
}

export interface JsonStatDataset {
  readonly label: string;
  readonly tableId: string | null;
  readonly dimensions: readonly JsonStatDimension[];
  /** Values in row-major order over `dimensions` (the last dimension varies fastest). */
  readonly values: readonly (number | null)[];
  readonly statuses: readonly (string | null)[];
  readonly roles: { readonly geo: string | null; readonly time: string | null; readonly metric: string | null };
}

export type JsonStatErrorCode = "BAD_JSON" | "NOT_A_DATASET" | "BAD_STRUCTURE" | "UNKNOWN_DIMENSION" | "SIZE_MISMATCH" | "BAD_VALUE";

export class JsonStatError extends Error {
  constructor(
    readonly code: JsonStatErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = "JsonStatError";
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function categoriesOf(id: string, dimension: unknown, size: number): JsonStatCategory[] {
  if (!isObject(dimension) || !isObject(dimension.category)) throw new JsonStatError("BAD_STRUCTURE", { dimension: id });
  const { index, label } = dimension.category;
  const labels = isObject(label) ? label : {};
  let codes: string[];
  if (Array.isArray(index)) codes = index.map(String);
  else if (isObject(index)) {
    codes = new Array<string>(Object.keys(index).length);
    for (const [code, position] of Object.entries(index)) {
      if (typeof position !== "number" || position < 0 || position >= codes.length) {
        throw new JsonStatError("BAD_STRUCTURE", { dimension: id });
      }
      codes[position] = code;
    }
  } else if (isObject(label) && Object.keys(label).length === 1) codes = Object.keys(label);
  else throw new JsonStatError("BAD_STRUCTURE", { dimension: id });
  if (codes.length !== size) throw new JsonStatError("SIZE_MISMATCH", { dimension: id, expected: size, actual: codes.length });
  return codes.map((code) => ({ code, label: typeof labels[code] === "string" ? labels[code] : code }));
}

function spread<T>(raw: unknown, length: number, read: (v: unknown) => T, fallback: T, field: string): T[] {
  const out = new Array<T>(length).fill(fallback);
  if (raw === undefined || raw === null) return out;
  if (typeof raw === "string" && field === "status") return out.map(() => read(raw));
  if (Array.isArray(raw)) {
    if (field === "value" && raw.length !== length) throw new JsonStatError("SIZE_MISMATCH", { expected: length, actual: raw.length });
    raw.forEach((v, i) => {
      if (i < length) out[i] = read(v);
    });
    return out;
  }
  if (isObject(raw)) {
    for (const [key, v] of Object.entries(raw)) {
      const i = Number(key);
      if (!Number.isInteger(i) || i < 0 || i >= length) throw new JsonStatError("SIZE_MISMATCH", { expected: length, actual: i + 1 });
      out[i] = read(v);
    }
    return out;
  }
  throw new JsonStatError("BAD_STRUCTURE", { field });
}

/**
 * Reads a JSON-stat 2.0 dataset as SSB's statistics bank (PxWebApi) serves it. Refuses, with a
 * code, anything it cannot read exactly: bad JSON, another class, a dimension listed in `id`
 * without a definition, or sizes whose product does not match the values.
 */
export function parseJsonStat(text: string): JsonStatDataset {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new JsonStatError("BAD_JSON", { detail: error instanceof Error ? error.message : "unparsable" });
  }
  if (!isObject(raw) || raw.class !== "dataset") throw new JsonStatError("NOT_A_DATASET");
  const { id, size, dimension } = raw;
  if (!Array.isArray(id) || !Array.isArray(size) || id.length !== size.length || !isObject(dimension)) {
    throw new JsonStatError("BAD_STRUCTURE", { field: "id/size" });
  }
  const sizes = size.map((s) => {
    if (typeof s !== "number" || !Number.isInteger(s) || s < 0) throw new JsonStatError("BAD_STRUCTURE", { field: "size" });
    return s;
  });
  const dimensions = id.map((dimId, i) => {
    const key = String(dimId);
    if (!(key in dimension)) throw new JsonStatError("UNKNOWN_DIMENSION", { dimension: key });
    const def = dimension[key];
    return {
      id: key,
      label: isObject(def) && typeof def.label === "string" ? def.label : key,
      categories: categoriesOf(key, def, sizes[i] as number),
    };
  });
  const length = sizes.reduce((a, b) => a * b, 1);
  const values = spread(
    raw.value,
    length,
    (v) => {
      if (v === null) return null;
      if (typeof v !== "number" || !Number.isFinite(v)) throw new JsonStatError("BAD_VALUE", { value: JSON.stringify(v) });
      return v;
    },
    null,
    "value",
  );
  const statuses = spread(raw.status, length, (v) => (typeof v === "string" ? v : null), null, "status");
  const role = isObject(raw.role) ? raw.role : {};
  const first = (r: unknown) => (Array.isArray(r) && typeof r[0] === "string" ? r[0] : null);
  const extension = isObject(raw.extension) && isObject(raw.extension.px) ? raw.extension.px : {};
  return {
    label: typeof raw.label === "string" ? raw.label : "",
    tableId: typeof extension.tableid === "string" ? extension.tableid : null,
    dimensions,
    values,
    statuses,
    roles: { geo: first(role.geo), time: first(role.time), metric: first(role.metric) },
  };
}

export interface Observation {
  readonly region: JsonStatCategory;
  readonly time: string;
  /** The other dimensions' category codes (e.g. ContentsCode), by dimension id. */
  readonly other: Readonly<Record<string, string>>;
  readonly value: number | null;
  readonly status: string | null;
}

/** Every cell as an observation, by region and time (roles, or SSB's Region/Tid ids). */
export function observationsOf(dataset: JsonStatDataset): Observation[] {
  const geoId = dataset.roles.geo ?? "Region";
  const timeId = dataset.roles.time ?? "Tid";
  const geo = dataset.dimensions.findIndex((d) => d.id === geoId);
  const time = dataset.dimensions.findIndex((d) => d.id === timeId);
  if (geo < 0) throw new JsonStatError("UNKNOWN_DIMENSION", { dimension: geoId });
  if (time < 0) throw new JsonStatError("UNKNOWN_DIMENSION", { dimension: timeId });
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const out: Observation[] = [];
  for (let flat = 0; flat < dataset.values.length; flat += 1) {
    let rest = flat;
    const position = new Array<number>(sizes.length).fill(0);
    for (let d = sizes.length - 1; d >= 0; d -= 1) {
      const size = sizes[d] as number;
      position[d] = rest % size;
      rest = Math.floor(rest / size);
    }
    const other: Record<string, string> = {};
    dataset.dimensions.forEach((dim, d) => {
      if (d !== geo && d !== time) other[dim.id] = dim.categories[position[d] as number]?.code ?? "";
    });
    out.push({
      region: dataset.dimensions[geo]?.categories[position[geo] as number] as JsonStatCategory,
      time: dataset.dimensions[time]?.categories[position[time] as number]?.code ?? "",
      other,
      value: dataset.values[flat] ?? null,
      status: dataset.statuses[flat] ?? null,
    });
  }
  return out;
}
