import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { OUTBOX_STATUSES, type OutboxStatus } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { QueryView } from "../../components/query-view";
import { SelectField } from "../../components/select-field";
import { translateError } from "../../lib/errors";
import { formatDateTime, formatInteger } from "../../lib/format";
import { useUrlState } from "../../lib/url-state";
import { useMailStatus, useOutbox, useRetryMail, type OutboxEntry } from "./api";

const STATUS_COLOR: Record<OutboxStatus, "info" | "success" | "danger" | "warning"> = {
  queued: "info",
  sending: "warning",
  sent: "success",
  failed: "danger",
};

/**
 * Administrasjon → E-post (issue 25): whether mail is on, how many messages are queued, sent and
 * failed, and the newest messages with the reason a failed one gave, each failed one with a retry that
 * asks first (an interrupted message may have arrived; a retry can make a second copy). The filter is
 * kept in the URL (docs/style.md#web).
 */
export function MailAdmin() {
  const { t } = useTranslation();
  const status = useMailStatus();
  const [filter, setFilter] = useUrlState<OutboxStatus | "">("status", "", parseStatus);
  const outbox = useOutbox(filter === "" ? {} : { status: filter });
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<OutboxEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const retry = useRetryMail({
    onSuccess: () => {
      setAsking(null);
      setDone(t("mail.admin.retried"));
    },
    onError: (e) => setError(`${t("mail.admin.retryFailed")} ${translateError(t, e).message}`),
  });
  const cancel = () => {
    const id = asking ? retryButtonId(asking) : null;
    setAsking(null);
    setError(null);
    if (id) document.getElementById(id)?.focus();
  };

  return (
    <div className="stack">
      <QueryView query={status} testId="mail-status">
        {(s) => (
          <section className="panel stack" aria-labelledby="mail-status-heading" data-testid="mail-status">
            <Heading level={2} data-size="xs" id="mail-status-heading">
              {t("mail.admin.statusHeading")}
            </Heading>
            {s.enabled ? (
              <Paragraph data-testid="mail-on">{t("mail.admin.on", { from: s.from ?? "" })}</Paragraph>
            ) : (
              <Alert data-color="warning" data-testid="mail-off">
                {t("mail.admin.off")}
              </Alert>
            )}
            <ul className="mail-counts">
              {OUTBOX_STATUSES.map((key) => (
                <li key={key}>
                  {t(`mail.status.${key}`)}: <strong>{formatInteger(s.counts[key])}</strong>
                </li>
              ))}
            </ul>
          </section>
        )}
      </QueryView>
      <section className="stack" aria-labelledby="mail-outbox-heading">
        <Heading level={2} data-size="xs" id="mail-outbox-heading">
          {t("mail.admin.outboxHeading")}
        </Heading>
        <Paragraph data-size="sm">{t("mail.admin.outboxIntro")}</Paragraph>
        <SelectField
          id="mail-status-filter"
          label={t("mail.admin.filter")}
          value={filter}
          onChange={(event) => setFilter(event.target.value as OutboxStatus | "")}
        >
          <option value="">{t("mail.admin.all")}</option>
          {OUTBOX_STATUSES.map((key) => (
            <option key={key} value={key}>
              {t(`mail.status.${key}`)}
            </option>
          ))}
        </SelectField>
        <div role="status">{done && <Alert data-color="info">{done}</Alert>}</div>
        <QueryView query={outbox} testId="mail-outbox">
          {(rows) => (
            <DataTable
              caption={t("mail.admin.caption")}
              testId="mail-outbox"
              rows={rows}
              rowKey={(row) => row.id}
              empty={t(status.data?.enabled === false ? "mail.admin.emptyOff" : "mail.admin.empty")}
              rowProps={(row) => ({ "data-testid": `mail-row-${row.status}` })}
              columns={[
                { key: "recipientEmail", header: t("mail.admin.recipient") },
                { key: "kind", header: t("mail.admin.kind"), render: (row) => t(`mail.kinds.${row.kind}`, { defaultValue: row.kind }) },
                {
                  key: "status",
                  header: t("mail.admin.status"),
                  render: (row) => (
                    <Tag data-color={STATUS_COLOR[row.status]} data-size="sm">
                      {t(`mail.status.${row.status}`)}
                    </Tag>
                  ),
                },
                { key: "createdAt", header: t("mail.admin.queuedAt"), render: (row) => formatDateTime(row.createdAt) },
                { key: "attempts", header: t("mail.admin.attempts"), numeric: true },
                { key: "when", header: t("mail.admin.when"), render: (row) => whenOf(t, row) },
                { key: "reason", header: t("mail.admin.reason"), render: (row) => reasonOf(t, row) },
                {
                  key: "actions",
                  header: t("mail.admin.actions"),
                  hideHeader: true,
                  render: (row) =>
                    row.status === "failed" ? (
                      <Button
                        id={retryButtonId(row)}
                        variant="secondary"
                        data-size="sm"
                        disabled={retry.isPending}
                        aria-label={t("mail.admin.retryLabel", { email: row.recipientEmail })}
                        onClick={() => {
                          setDone(null);
                          setError(null);
                          setAsking(row);
                        }}
                      >
                        {t("mail.admin.retry")}
                      </Button>
                    ) : null,
                },
              ]}
            />
          )}
        </QueryView>
      </section>
      <ConfirmDialog
        request={
          asking && {
            title: t("mail.admin.retryTitle", { email: asking.recipientEmail }),
            body: t(asking.failure?.code === "INTERRUPTED" ? "mail.admin.retryBodyInterrupted" : "mail.admin.retryBody", {
              kind: t(`mail.kinds.${asking.kind}`, { defaultValue: asking.kind }),
              email: asking.recipientEmail,
            }),
            confirmLabel: t("mail.admin.retryConfirm"),
          }
        }
        pending={retry.isPending}
        error={error}
        onConfirm={() => {
          if (asking) retry.mutate({ id: asking.id });
        }}
        onCancel={cancel}
      />
    </div>
  );
}

function parseStatus(raw: string): OutboxStatus | null {
  return (OUTBOX_STATUSES as readonly string[]).includes(raw) ? (raw as OutboxStatus) : null;
}

function retryButtonId(row: OutboxEntry): string {
  return `mail-retry-${row.id}`;
}

type T = ReturnType<typeof useTranslation>["t"];

function whenOf(t: T, row: OutboxEntry): string {
  if (row.sentAt) return t("mail.admin.sentAt", { time: formatDateTime(row.sentAt) });
  if (row.nextAttemptAt) return t("mail.admin.nextAt", { time: formatDateTime(row.nextAttemptAt) });
  if (row.lastAttemptAt) return t("mail.admin.lastAt", { time: formatDateTime(row.lastAttemptAt) });
  return "";
}

function reasonOf(t: T, row: OutboxEntry): string {
  if (!row.failure) return "";
  const reason = row.failure.code ? t(`mail.failure.${row.failure.code}`) : "";
  return [reason, row.failure.detail].filter(Boolean).join(" – ");
}
