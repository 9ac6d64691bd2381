import type { DbOrTx } from "@malestokk/db";
import { osloToday } from "@malestokk/domain";

import { groupsTable, indicatorsTable, renderAnswer, statisticsTable, unitsTable, valuesTable, type OpenDataTable } from "./formats";
import {
  describeAnswer,
  listOpenGroups,
  listOpenIndicators,
  listOpenUnits,
  readOpenStatistics,
  readOpenValues,
  type OpenDataViewer,
} from "./open-data.service";
import { parseCommon, parseStatisticsParams, parseValuesParams, ParameterError } from "./params";

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

export type OpenDataAnswer =
  | { readonly status: 200; readonly contentType: string; readonly body: string }
  | { readonly status: 400; readonly contentType: string; readonly body: string };

/** A refused request's body: which parameter, and why, in English and in the languages of the app. */
function refusal(error: ParameterError): OpenDataAnswer {
  return {
    status: 400,
    contentType: "application/json; charset=utf-8",
    body: JSON.stringify({ error: { code: "INVALID_PARAMETER", parameter: error.parameter, message: error.text.en, text: error.text } }),
  };
}

function tableOf(
  db: DbOrTx,
  request: OpenDataRequest,
  today: string,
): { table: OpenDataTable; format: ReturnType<typeof parseCommon>["format"] } {
  const { query } = request;
  switch (request.endpoint) {
    case "indicators": {
      const { format, lang } = parseCommon(query, []);
      return { table: indicatorsTable(listOpenIndicators(db, today), lang), format };
    }
    case "units": {
      const { format, lang } = parseCommon(query, []);
      return { table: unitsTable(listOpenUnits(db), lang), format };
    }
    case "groups": {
      const { format, lang } = parseCommon(query, []);
      return { table: groupsTable(listOpenGroups(db), lang), format };
    }
    case "values": {
      const params = parseValuesParams(query);
      return { table: valuesTable(readOpenValues(db, params, today, request.viewer), params.lang), format: params.format };
    }
    case "statistics": {
      const params = parseStatisticsParams(query);
      const { groups, statistics } = readOpenStatistics(db, params, today);
      return { table: statisticsTable(statistics, groups, params.lang), format: params.format };
    }
  }
}

/** One GET of the public API, answered in full: the HTTP layer adds the headers (ETag, caching, CORS, rate limit). */
export function answerOpenData(db: DbOrTx, request: OpenDataRequest): OpenDataAnswer {
  const today = osloToday(request.now);
  try {
    const { table, format } = tableOf(db, request, today);
    return { status: 200, ...renderAnswer(table, describeAnswer(db), format) };
  } catch (error) {
    if (error instanceof ParameterError) return refusal(error);
    throw error;
  }
}
