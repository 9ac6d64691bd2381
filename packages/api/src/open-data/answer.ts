import { createHash } from "node:crypto";

import type { DbOrTx } from "@malestokk/db";
import { osloToday, type Language } from "@malestokk/domain";

import { openDataVersion, type KeptOpenDataAnswer, type OpenDataAnswerCache } from "./answer-cache";
import { groupsTable, indicatorsTable, renderAnswer, statisticsTable, unitsTable, valuesTable, type OpenDataTable } from "./formats";
import { getOpenDataLicence } from "./licence";
import {
  describeAnswer,
  listOpenGroups,
  listOpenIndicators,
  listOpenUnits,
  readOpenStatistics,
  readOpenValues,
  type OpenDataViewer,
} from "./open-data.service";
import { parseCommon, parseStatisticsParams, parseValuesParams, ParameterError, type OpenDataFormat } from "./params";

/** The endpoints under /api/v1 that answer with data (docs/open-data.md#api). */
export const OPEN_DATA_ENDPOINTS = ["indicators", "units", "values", "groups", "statistics"] as const;
export type OpenDataEndpoint = (typeof OPEN_DATA_ENDPOINTS)[number];

export interface OpenDataRequest {
  readonly endpoint: OpenDataEndpoint;
  /** The query string as Express parses it (a repeated parameter is an array). */
  readonly query: Readonly<Record<string, unknown>>;
  readonly viewer: OpenDataViewer | null;
  readonly now: Date;
}

export type OpenDataAnswer = KeptOpenDataAnswer | { readonly status: 400; readonly contentType: string; readonly body: string };

/** A strong validator from the answer's bytes: the same answer, the same tag, whatever changed in between. */
export function strongEtag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** A refused request's body: which parameter, and why, in English and in the languages of the app. */
function refusal(error: ParameterError): OpenDataAnswer {
  return {
    status: 400,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ error: { code: "INVALID_PARAMETER", parameter: error.parameter, message: error.text.en, text: error.text } }),
  };
}

/** A request made sense of: the key its parameters normalize to, and how to build its table. */
interface Plan {
  readonly key: string;
  readonly format: OpenDataFormat;
  /** The organisation whose own figures (drafts included) the answer holds, for a token's `values`. */
  readonly ownOrganisationId: number | null;
  readonly build: () => OpenDataTable;
}

function planOf(db: DbOrTx, request: OpenDataRequest, today: string): Plan {
  const { query } = request;
  const common = (endpoint: string, build: (lang: Language) => OpenDataTable): Plan => {
    const { format, lang } = parseCommon(query, []);
    return { key: JSON.stringify([endpoint, lang]), format, ownOrganisationId: null, build: () => build(lang) };
  };
  switch (request.endpoint) {
    case "indicators":
      return common("indicators", (lang) => indicatorsTable(listOpenIndicators(db, today), lang));
    case "units":
      return common("units", (lang) => unitsTable(listOpenUnits(db), lang));
    case "groups":
      return common("groups", (lang) => groupsTable(listOpenGroups(db), lang));
    case "values": {
      const params = parseValuesParams(query);
      const { format, ...normalized } = params;
      const viewer = request.viewer;
      return {
        key: JSON.stringify(["values", normalized, viewer?.organisationId ?? null]),
        format,
        ownOrganisationId: viewer?.organisationId ?? null,
        build: () => valuesTable(readOpenValues(db, params, today, viewer), params.lang),
      };
    }
    case "statistics": {
      const params = parseStatisticsParams(query);
      const { format, ...normalized } = params;
      return {
        key: JSON.stringify(["statistics", normalized]),
        format,
        ownOrganisationId: null,
        build: () => {
          const { groups, statistics } = readOpenStatistics(db, params, today);
          return statisticsTable(statistics, groups, params.lang);
        },
      };
    }
  }
}

/**
 * One GET of the public API, answered in full: the HTTP layer adds the headers (caching, CORS, rate limit).
 * With `cache`, a request whose normalized parameters were answered at the same data version gets that answer
 * again, neither built nor hashed anew (docs/open-data.md#caching).
 */
export function answerOpenData(db: DbOrTx, request: OpenDataRequest, cache: OpenDataAnswerCache | null = null): OpenDataAnswer {
  const today = osloToday(request.now);
  try {
    const plan = planOf(db, request, today);
    const build = (): KeptOpenDataAnswer => {
      const rendered = renderAnswer(plan.build(), describeAnswer(db), plan.format);
      return { status: 200, ...rendered, etag: strongEtag(rendered.body) };
    };
    if (!cache) return build();
    const version = openDataVersion(db, { today, licence: getOpenDataLicence(db), ownOrganisationId: plan.ownOrganisationId });
    return cache.answer(`${plan.key}|${plan.format}`, version, build);
  } catch (error) {
    if (error instanceof ParameterError) return refusal(error);
    throw error;
  }
}
