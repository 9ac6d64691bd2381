import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { readAppError } from "../lib/errors";
import { Loading, QueryError } from "./query-state";

/** What QueryView reads of a query: TanStack's result fits, and so does `allOf` of several. */
export interface QueryLike<T> {
  readonly status: "pending" | "error" | "success";
  readonly data: T | undefined;
  readonly error: unknown;
  readonly refetch: () => unknown;
}

/** "Not found" is the server's NOT_FOUND, whatever the page (one test for it, not one per page). */
export function isNotFoundError(error: unknown): boolean {
  return readAppError(error)?.code === "NOT_FOUND";
}

export function isForbiddenError(error: unknown): boolean {
  return readAppError(error)?.code === "FORBIDDEN";
}

type Data<Q> = Q extends QueryLike<infer T> ? T : never;

/**
 * Several queries as one: pending while any is, failed when any failed (retry refetches those that
 * failed), else the data of each in order. A page that needs them all loads and fails once.
 */
export function allOf<const Q extends readonly QueryLike<unknown>[]>(queries: Q): QueryLike<{ -readonly [K in keyof Q]: Data<Q[K]> }> {
  const failed = queries.filter((q) => q.status === "error");
  const pending = queries.some((q) => q.status === "pending");
  const status = failed.length > 0 ? "error" : pending ? "pending" : "success";
  return {
    status,
    data: status === "success" ? (queries.map((q) => q.data) as { -readonly [K in keyof Q]: Data<Q[K]> }) : undefined,
    error: failed[0]?.error ?? null,
    refetch: () => Promise.all(failed.map((q) => q.refetch())),
  };
}

/**
 * One way for a page to load and fail: "Loading" while pending, the server's answer when it says
 * NOT_FOUND or FORBIDDEN, any other error with a retry, else `children` with the data. Without
 * children it shows only the states before the data, for a page that returns early:
 * `if (!query.isSuccess) return <QueryView query={query} />;`
 */
export function QueryView<T>(props: {
  query: QueryLike<T>;
  children?: (data: T) => ReactNode;
  /** Instead of "Loading" (null for a panel that shows nothing until it has something). */
  pending?: ReactNode;
  /** The room "Loading" keeps (a CSS length, about the loaded content's height), so what is below does not move. */
  reserve?: string;
  /** Instead of the general "not found" text, e.g. one that names the municipality. */
  notFound?: ReactNode;
  /** Instead of the general "no access" text. */
  forbidden?: ReactNode;
  /** Names the error's alert `<testId>-error`. */
  testId?: string;
}) {
  const { t } = useTranslation();
  const { query } = props;
  if (query.status === "pending") return props.pending === undefined ? <Loading minHeight={props.reserve} /> : props.pending;
  if (query.status === "error") {
    if (isNotFoundError(query.error)) {
      return props.notFound ?? <Notice testId="query-not-found" title={t("query.notFoundTitle")} body={t("query.notFoundBody")} />;
    }
    if (isForbiddenError(query.error)) {
      return props.forbidden ?? <Notice testId="query-forbidden" title={t("query.forbiddenTitle")} body={t("query.forbiddenBody")} />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} testId={props.testId && `${props.testId}-error`} />;
  }
  return props.children ? props.children(query.data as T) : null;
}

function Notice({ title, body, testId }: { title: string; body: string; testId: string }) {
  return (
    <Alert data-color="warning" data-testid={testId}>
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      <Paragraph>{body}</Paragraph>
    </Alert>
  );
}

/** "Not found" in a page's own words, with the way back: a QueryView's `notFound`. */
export function NotFoundNotice({ text, to, back }: { text: string; to: string; back: string }) {
  return (
    <Alert data-color="warning">
      <Paragraph>{text}</Paragraph>
      <Link to={to}>{back}</Link>
    </Alert>
  );
}
