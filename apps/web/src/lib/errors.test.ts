import { APP_ERROR_CODES, type AppErrorCode, type AppErrorShape, type FieldIssue, type IssueParams } from "@malestokk/domain";
import { describe, expect, it } from "vitest";

import en from "../locales/en.json";
import { formatErrorParams, translateError } from "./errors";
import { createI18n } from "./i18n";

type Case = { readonly params: IssueParams; readonly issues?: readonly FieldIssue[] };

/**
 * Every code the server may send, with the params its `new AppError(...)` sites really send
 * (packages/api/src). A new code fails to compile here until it has its cases.
 */
const SENT: Record<AppErrorCode, readonly Case[]> = {
  NOT_FOUND: [
    { params: {} },
    { params: { municipalityNumber: "0301" } },
    { params: { indicatorCode: "K1" } },
    { params: { projectId: 4, number: "4601" } },
    { params: { year: 2031 } },
  ],
  FORBIDDEN: [
    { params: {} },
    { params: { reason: "NOT_OWNER" } },
    { params: { reason: "NOT_MEMBER" } },
    { params: { reason: "LAST_ADMIN" } },
    { params: { reason: "SELF" } },
  ],
  UNAUTHORIZED: [{ params: {} }],
  VALIDATION_FAILED: [
    { params: {}, issues: [{ path: ["name"], code: "too_small", params: { minimum: 1 } }] },
    { params: { max: 20 }, issues: [{ path: [], code: "TOO_MANY_BENEFITS", params: { max: 20 } }] },
    // The organisation number's own refusals, as a direct API call gets them (issue 20).
    { params: {}, issues: [{ path: ["organisationNumber"], code: "ORGANISATION_NUMBER_CHECK_DIGIT", params: {} }] },
    { params: {}, issues: [{ path: ["organisationNumber"], code: "ORGANISATION_NUMBER_FORMAT", params: {} }] },
    { params: {}, issues: [] },
  ],
  VERSION_CONFLICT: [{ params: {} }, { params: { currentVersion: 3 } }, { params: { currentVersion: null } }],
  IMPORT_REJECTED: [
    {
      params: { reason: "ROW_ERRORS", count: 2 },
      issues: [{ path: ["rows", 3, "amount"], code: "NOT_A_NUMBER", params: { row: 3, value: "x" } }],
    },
    { params: { reason: "TOO_LARGE", limit: 10_485_760 } },
    { params: { reason: "FETCH_FAILED" } },
    { params: { reason: "FETCH_FAILED", status: 503 } },
  ],
  // The quality path sends the year; the cost path is brought to the same shape on the server.
  PERIOD_LOCKED: [{ params: { year: 2024 } }],
  YEAR_OUT_OF_RANGE: [
    { params: { min: 2015, max: 2025 }, issues: [{ path: ["year"], code: "YEAR_OUT_OF_RANGE", params: { min: 2015, max: 2025 } }] },
  ],
  STATUS_CONFLICT: [
    { params: { status: "submitted", action: "edit" } },
    { params: { status: null, action: "approve" } },
    { params: { status: "closed", action: "close" } },
    { params: { status: "notStarted", action: "confirm" } },
    { params: { status: "invited", action: "accept" } },
  ],
  WARNINGS_UNEXPLAINED: [{ params: { keys: "K1.jump,K2.peer" } }],
  FOUR_EYES: [{ params: {} }],
  NAME_TAKEN: [
    { params: { name: "Visma Enterprise" }, issues: [{ path: ["name"], code: "NAME_TAKEN", params: {} }] },
    { params: {}, issues: [{ path: ["slug"], code: "NAME_TAKEN", params: {} }] },
  ],
  COOPERATIVE_EXISTS: [
    {
      params: { organisationNumber: "912345688", name: "Digitale Vestland" },
      issues: [{ path: ["name"], code: "COOPERATIVE_EXISTS", params: { organisationNumber: "912345688", name: "Digitale Vestland" } }],
    },
  ],
  IN_USE: [
    { params: { count: 1 } },
    { params: { count: 12 } },
    { params: { reason: "lastProvider" } },
    { params: { reason: "noPublicOrigin" } },
  ],
  INCOMPLETE: [{ params: { missing: "scope,satisfaction", count: 2 } }, { params: { missing: "benefits", count: 1 } }],
  INVALID_CREDENTIALS: [
    { params: {} },
    { params: { reason: "WRONG_CODE" } },
    { params: {}, issues: [{ path: ["currentPassword"], code: "INVALID_CREDENTIALS", params: {} }] },
  ],
  TOO_MANY_ATTEMPTS: [{ params: { retryAfterSeconds: 60 } }],
  TOKEN_INVALID: [{ params: {} }],
  LOCAL_SIGN_IN_OFF: [{ params: {} }],
  RECENT_SIGN_IN_REQUIRED: [{ params: { minutes: 10 } }],
  SINGLE_CALL_REQUIRED: [{ params: { procedure: "auth.signIn" } }],
  INTERNAL: [{ params: { errorId: "0b6f1c52-9d7e-4c1e-a0a5-3f1f5f0f4a11" } }],
  RATE_LIMITED: [{ params: { retryAfterSeconds: 42 } }],
};

/** What a failed tRPC call looks like to the web: the formatter's `appError` under `data`. */
function failed(code: AppErrorCode, { params, issues = [] }: Case): unknown {
  const appError: AppErrorShape = { code, params, issues };
  return { message: "refused", data: { appError } };
}

function expectSentence(text: string, code: string) {
  expect(text).not.toContain("{{");
  expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  expect(text).not.toContain(code);
  expect(text).not.toMatch(/^errors\.|\berrors\.[A-Za-z_]/);
  expect(text).toMatch(/[.!?]$/);
}

describe("every AppError code reads as a sentence", () => {
  const i18n = createI18n({ en });
  for (const language of ["nb", "en"] as const) {
    const t = i18n.getFixedT(language);
    for (const code of APP_ERROR_CODES) {
      it.each(SENT[code].map((c) => [JSON.stringify(c.params), c] as const))(`${language} ${code} %s`, (_name, c) => {
        const translated = translateError(t, failed(code, c));
        expect(translated.code).toBe(code);
        expectSentence(translated.message, code);
        for (const field of Object.values(translated.fields)) expectSentence(field, code);
      });
    }
    it(`${language} NETWORK`, () => {
      expectSentence(translateError(t, new TypeError("Failed to fetch")).message, "NETWORK");
    });
  }

  it("the walk covers the closed list", () => {
    expect(Object.keys(SENT).sort()).toEqual([...APP_ERROR_CODES].sort());
  });
});

describe("dates in error texts", () => {
  it("reads a date the server sends in the Norwegian format, never ISO", () => {
    expect(formatErrorParams({ date: "2026-04-30", at: "2026-04-30T10:15:00.000Z", year: 2026, number: "4601" })).toEqual({
      date: "30. april 2026",
      at: "30. april 2026",
      year: 2026,
      number: "4601",
    });
  });
});
