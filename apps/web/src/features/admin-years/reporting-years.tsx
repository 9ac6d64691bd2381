import { Alert, Button, Paragraph, Tag, Textfield } from "@digdir/designsystemet-react";
import { isIsoDate, MAX_COMMENT_LENGTH, osloToday } from "@malestokk/domain";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatInteger } from "../../lib/format";
import { useCloseYear, useReopenYear, useReportingYears, useSetYearPublication } from "./api";
import { closeBody, formatDeadline, missingOf, newestFirst, publicationText, type ReportingYear } from "./year-text";

type Pending = { readonly year: ReportingYear; readonly action: "close" | "reopen" | "publish" | "withdraw" };
/** Today in Norway as the browser sees it: only to word the message after saving (the server decides what is public). */
const today = () => osloToday(new Date());

type Message = { readonly kind: "success" | "warning"; readonly text: string };

const REASON_ID = "reopen-reason";
const DATE_ID = "publication-date";
/** The same bounds as years.reopen's input. */
const REASON_MIN = 3;

const STATUSES = ["draft", "submitted", "returned", "approved"] as const;

/**
 * Reporting years for administrators: how far the municipalities have come with each year, and
 * closing a year (every report is locked) or reopening it with a reason that goes to the log; setting,
 * changing or withdrawing the date the board decided the year is published (docs/open-data.md#who-publishes).
 */
export function ReportingYears() {
  const { t } = useTranslation();
  const years = useReportingYears();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [focusReason, setFocusReason] = useState(0);
  const [publishDate, setPublishDate] = useState("");
  const [publishDateError, setPublishDateError] = useState<string | null>(null);
  const [focusDate, setFocusDate] = useState(0);

  useEffect(() => {
    if (focusReason > 0) document.getElementById(REASON_ID)?.focus();
  }, [focusReason]);
  useEffect(() => {
    if (focusDate > 0) document.getElementById(DATE_ID)?.focus();
  }, [focusDate]);

  const onDone = (action: Pending["action"], year: number) => {
    setPending(null);
    setMessage({ kind: "success", text: t(action === "close" ? "admin.years.closed" : "admin.years.reopened", { year }) });
  };
  const onFailed = (action: Pending["action"], year: number, e: unknown) => {
    if (conflictOf(e, ["moved"])) {
      // Someone else got there first: nothing to do but show the state as it is now (the hook refreshes it).
      setPending(null);
      setMessage({ kind: "warning", text: t(action === "close" ? "admin.years.alreadyClosed" : "admin.years.alreadyOpen", { year }) });
      return;
    }
    const translated = translateError(t, e);
    if (translated.fields.reason) {
      setReasonError(t("admin.years.reasonRequired"));
      setFocusReason((n) => n + 1);
    } else setError(translated.message);
  };
  const setPublication = useSetYearPublication({
    onSuccess: (result, input) => {
      setPending(null);
      setMessage({
        kind: "success",
        text:
          result.publishedOn === null
            ? t("admin.years.withdrawn", { year: input.year })
            : t("admin.years.publicationSaved", {
                year: input.year,
                state: publicationText(t, {
                  publication: result.publishedOn <= today() ? "published" : "scheduled",
                  publishedOn: result.publishedOn,
                }),
              }),
      });
    },
    onError: (e, input) => {
      if (conflictOf(e, ["changed"])) {
        setPending(null);
        setMessage({ kind: "warning", text: t("admin.years.publicationMoved", { year: input.year }) });
        return;
      }
      const translated = translateError(t, e);
      if (translated.fields.publishedOn) {
        setPublishDateError(t("admin.years.publishDateRequired"));
        setFocusDate((n) => n + 1);
      } else setError(translated.message);
    },
  });
  const close = useCloseYear({
    onSuccess: (_r, input) => onDone("close", input.year),
    onError: (e, input) => onFailed("close", input.year, e),
  });
  const reopen = useReopenYear({
    onSuccess: (_r, input) => onDone("reopen", input.year),
    onError: (e, input) => onFailed("reopen", input.year, e),
  });

  const ask = (year: ReportingYear) => {
    setError(null);
    setReason("");
    setReasonError(null);
    setPending({ year, action: year.state === "open" ? "close" : "reopen" });
  };
  const askPublication = (year: ReportingYear, action: "publish" | "withdraw") => {
    setError(null);
    setPublishDate(year.publishedOn ?? "");
    setPublishDateError(null);
    setPending({ year, action });
  };

  const confirm = () => {
    if (!pending) return;
    setError(null);
    if (pending.action === "withdraw") {
      setPublication.mutate({ year: pending.year.year, publishedOn: null, previous: pending.year.publishedOn });
      return;
    }
    if (pending.action === "publish") {
      if (!isIsoDate(publishDate)) {
        setPublishDateError(t("admin.years.publishDateRequired"));
        setFocusDate((n) => n + 1);
        return;
      }
      setPublication.mutate({ year: pending.year.year, publishedOn: publishDate, previous: pending.year.publishedOn });
      return;
    }
    if (pending.action === "close") {
      close.mutate({ year: pending.year.year });
      return;
    }
    const text = reason.trim();
    if (text.length < REASON_MIN || text.length > MAX_COMMENT_LENGTH) {
      setReasonError(
        text.length < REASON_MIN ? t("admin.years.reasonRequired") : t("admin.years.reasonTooLong", { maximum: MAX_COMMENT_LENGTH }),
      );
      setFocusReason((n) => n + 1);
      return;
    }
    setReasonError(null);
    reopen.mutate({ year: pending.year.year, reason: text });
  };

  if (!years.isSuccess) return <QueryView query={years} />;
  const rows = newestFirst(years.data);
  const total = rows[0]?.municipalities ?? 0;

  return (
    <div className="stack">
      <Paragraph>{t("admin.years.intro")}</Paragraph>
      <Paragraph>{t("admin.years.publicationIntro")}</Paragraph>
      <div role="status">
        {message && (
          <Alert data-color={message.kind} data-testid="years-message">
            {message.text}
          </Alert>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState>{t("admin.years.empty")}</EmptyState>
      ) : (
        <>
          <Paragraph data-size="sm" id="years-missing-explained">
            {t("admin.years.missingExplained", { total: formatInteger(total) })}
          </Paragraph>
          <DataTable
            caption={t("admin.years.caption")}
            zebra
            size="sm"
            testId="years-table"
            describedBy="years-missing-explained"
            rows={rows}
            rowKey={(y) => y.year}
            columns={[
              { key: "year", header: t("admin.years.columns.year") },
              {
                key: "state",
                header: t("admin.years.columns.state"),
                render: (y) => (
                  <Tag data-size="sm" data-color={y.state === "open" ? "success" : "neutral"}>
                    {t(`admin.years.states.${y.state}`)}
                  </Tag>
                ),
              },
              {
                key: "deadline",
                header: t("admin.years.columns.deadline"),
                render: (y) => (y.deadline ? formatDeadline(y.deadline) : t("admin.years.noDeadline")),
              },
              ...STATUSES.map((s) => ({
                key: `status-${s}`,
                header: t(`admin.years.columns.${s}`),
                numeric: true,
                render: (y: ReportingYear) => formatInteger(y.byStatus[s]),
              })),
              { key: "missing", header: t("admin.years.columns.missing"), numeric: true, render: (y) => formatInteger(missingOf(y)) },
              {
                key: "publication",
                header: t("admin.years.columns.publication"),
                render: (y) => (
                  <Tag
                    data-size="sm"
                    data-color={y.publication === "published" ? "success" : y.publication === "scheduled" ? "info" : "neutral"}
                  >
                    {publicationText(t, y)}
                  </Tag>
                ),
              },
              {
                key: "publishable",
                header: t("admin.years.columns.publishable"),
                numeric: true,
                render: (y) => formatInteger(y.publishableUnits),
              },
              {
                key: "actions",
                header: t("admin.years.columns.actions"),
                render: (y) => (
                  <div className="admin-actions">
                    <Button variant="tertiary" data-size="sm" data-color={y.state === "open" ? "danger" : "accent"} onClick={() => ask(y)}>
                      {t(y.state === "open" ? "admin.years.closeLabel" : "admin.years.reopenLabel", { year: y.year })}
                    </Button>
                    <Button variant="tertiary" data-size="sm" onClick={() => askPublication(y, "publish")}>
                      {t(y.publishedOn === null ? "admin.years.publishLabel" : "admin.years.changePublicationLabel", { year: y.year })}
                    </Button>
                    {y.publishedOn !== null && (
                      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => askPublication(y, "withdraw")}>
                        {t("admin.years.withdrawLabel", { year: y.year })}
                      </Button>
                    )}
                  </div>
                ),
              },
            ]}
          />
        </>
      )}
      <ConfirmDialog
        request={
          pending
            ? pending.action === "publish"
              ? {
                  title: t("admin.years.publishTitle", { year: pending.year.year }),
                  body: [
                    t("admin.years.publishBody", { year: pending.year.year }),
                    t("admin.years.publishUnits", { count: pending.year.publishableUnits }),
                  ].join(" "),
                  confirmLabel: t("admin.years.publish"),
                }
              : pending.action === "withdraw"
                ? {
                    title: t("admin.years.withdrawTitle", { year: pending.year.year }),
                    body: t("admin.years.withdrawBody", { year: pending.year.year }),
                    confirmLabel: t("admin.years.withdraw"),
                    destructive: true,
                  }
                : pending.action === "close"
                  ? {
                      title: t("admin.years.closeTitle", { year: pending.year.year }),
                      body: closeBody(t, pending.year),
                      confirmLabel: t("admin.years.close"),
                      destructive: true,
                    }
                  : {
                      title: t("admin.years.reopenTitle", { year: pending.year.year }),
                      body: t("admin.years.reopenBody", { year: pending.year.year }),
                      confirmLabel: t("admin.years.reopen"),
                    }
            : null
        }
        pending={close.isPending || reopen.isPending || setPublication.isPending}
        error={error}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        {pending?.action === "publish" && (
          <Textfield
            id={DATE_ID}
            type="date"
            label={t("admin.years.publishDate")}
            description={t("admin.years.publishDateDescription")}
            value={publishDate}
            error={publishDateError ?? undefined}
            onChange={(e) => {
              setPublishDate(e.target.value);
              if (publishDateError && isIsoDate(e.target.value)) setPublishDateError(null);
            }}
          />
        )}
        {pending?.action === "reopen" && (
          <Textfield
            id={REASON_ID}
            label={t("admin.years.reason")}
            description={t("admin.years.reasonDescription")}
            multiline
            rows={3}
            value={reason}
            error={reasonError ?? undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (reasonError && e.target.value.trim().length >= REASON_MIN) setReasonError(null);
            }}
          />
        )}
      </ConfirmDialog>
    </div>
  );
}
