import { Alert, Button, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { Loading, QueryError } from "../../components/query-state";
import { TableScroll } from "../../components/table-scroll";
import { readAppError, translateError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

type Year = RouterOutputs["years"]["list"][number];

const dateFormat = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long" });

/** Reporting years: how far the municipalities have come, and closing or reopening a year. */
export function ReportingYears() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const years = useQuery(trpc.years.list.queryOptions());
  const [pending, setPending] = useState<{ year: Year; action: "close" | "reopen" } | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const close = useMutation(trpc.years.close.mutationOptions());
  const reopen = useMutation(trpc.years.reopen.mutationOptions());
  if (years.isPending) return <Loading />;
  if (years.isError) return <QueryError error={years.error} onRetry={() => void years.refetch()} />;
  const onConfirm = () => {
    if (!pending) return;
    if (pending.action === "reopen" && reason.trim().length < 3) return setError(t("admin.years.reasonRequired"));
    const done = () => {
      setMessage(t(pending.action === "close" ? "admin.years.closed" : "admin.years.reopened", { year: pending.year.year }));
      setPending(null);
      setReason("");
      void queryClient.invalidateQueries(trpc.years.pathFilter());
      void queryClient.invalidateQueries(trpc.costs.pathFilter());
    };
    const failed = (e: unknown) => setError(readAppError(e)?.code === "STATUS_CONFLICT" ? t("admin.years.alreadyDone") : translateError(t, e).message);
    if (pending.action === "close") close.mutate({ year: pending.year.year }, { onSuccess: done, onError: failed });
    else reopen.mutate({ year: pending.year.year, reason: reason.trim() }, { onSuccess: done, onError: failed });
  };
  return (
    <div className="stack">
      <Paragraph>{t("admin.years.intro")}</Paragraph>
      <div role="status" aria-live="polite">
        {message && (
          <Alert data-color="success" data-testid="years-message">
            {message}
          </Alert>
        )}
      </div>
      <TableScroll label={t("admin.years.caption")}>
        <Table data-size="sm" data-testid="years-table">
          <caption>{t("admin.years.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("admin.years.year")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.years.state")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.years.deadline")}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t("admin.years.approved")}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t("admin.years.inProgress")}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t("admin.years.missing")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.years.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {[...years.data].reverse().map((y) => (
              <Table.Row key={y.year}>
                <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                <Table.Cell>
                  <Tag data-size="sm" data-color={y.state === "open" ? "success" : "neutral"}>
                    {t(`admin.years.states.${y.state}`)}
                  </Tag>
                </Table.Cell>
                <Table.Cell>{y.deadline ? dateFormat.format(new Date(`${y.deadline}T12:00:00`)) : "–"}</Table.Cell>
                <Table.Cell className="numeric">{y.byStatus.approved}</Table.Cell>
                <Table.Cell className="numeric">{y.byStatus.draft + y.byStatus.submitted + y.byStatus.returned}</Table.Cell>
                <Table.Cell className="numeric">{y.missing}</Table.Cell>
                <Table.Cell>
                  <Button
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setError(null);
                      setPending({ year: y, action: y.state === "open" ? "close" : "reopen" });
                    }}
                  >
                    {t(y.state === "open" ? "admin.years.closeLabel" : "admin.years.reopenLabel", { year: y.year })}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
      <ConfirmDialog
        request={
          pending
            ? {
                title: t(pending.action === "close" ? "admin.years.closeTitle" : "admin.years.reopenTitle", { year: pending.year.year }),
                body: t(pending.action === "close" ? "admin.years.closeBody" : "admin.years.reopenBody", { year: pending.year.year, missing: pending.year.missing }),
                confirmLabel: t(pending.action === "close" ? "admin.years.close" : "admin.years.reopen"),
                destructive: pending.action === "close",
              }
            : null
        }
        pending={close.isPending || reopen.isPending}
        error={error}
        onCancel={() => setPending(null)}
        onConfirm={onConfirm}
      >
        {pending?.action === "reopen" && (
          <Textfield id="reopen-reason" label={t("admin.years.reason")} description={t("admin.years.reasonDescription")} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        )}
      </ConfirmDialog>
    </div>
  );
}
