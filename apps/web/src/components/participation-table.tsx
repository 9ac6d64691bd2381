import { Button } from "@digdir/designsystemet-react";
import type { ParticipationStatus } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { formatDateTimeShort } from "../lib/format";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable } from "./data-table";

export interface ParticipationRow {
  readonly number: string;
  readonly name: string;
  readonly status: ParticipationStatus;
  readonly changedAt: string | null;
  readonly changedByName: string | null;
}

/**
 * For the owner of a joint project or idea (ADR 008): every municipality invited with its answer,
 * and the invitation to withdraw or the participant to remove, each after asking. The texts come
 * from the feature's `ns` (e.g. "benefits.participation"), as a project and an idea word them apart.
 */
export function ParticipationTable(props: {
  ns: string;
  rows: readonly ParticipationRow[];
  pending: boolean;
  error: string | null;
  /** Resolves once the row is gone; the dialog stays open with the error otherwise. */
  onRemove: (row: ParticipationRow) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { ns } = props;
  const [asked, setAsked] = useState<ParticipationRow | null>(null);
  // Withdraw an invitation; remove one taking part; or take a past answer off the list.
  const kind = (row: ParticipationRow) => (row.status === "invited" ? "withdraw" : row.status === "accepted" ? "remove" : "forget");
  return (
    <>
      <DataTable
        caption={t(`${ns}.caption`)}
        captionHidden
        testId="participation-table"
        rows={props.rows}
        rowKey={(row) => row.number}
        empty={t(`${ns}.empty`)}
        columns={[
          { key: "municipality", header: t("invitations.municipality"), render: (row) => `${row.name} (${row.number})` },
          { key: "status", header: t("invitations.status"), render: (row) => t(`invitations.statuses.${row.status}`) },
          {
            key: "changed",
            header: t("invitations.changed"),
            render: (row) =>
              row.changedAt ? t("invitations.changedBy", { date: formatDateTimeShort(row.changedAt), name: row.changedByName ?? "" }) : "",
          },
          {
            key: "actions",
            header: t("invitations.actions"),
            hideHeader: true,
            render: (row) => (
              <Button
                className="no-print"
                variant="tertiary"
                data-color="danger"
                data-size="sm"
                aria-label={t(`${ns}.${kind(row)}Named`, { name: row.name })}
                onClick={() => setAsked(row)}
              >
                {t(kind(row) === "withdraw" ? "invitations.withdraw" : "invitations.remove")}
              </Button>
            ),
          },
        ]}
      />
      <ConfirmDialog
        request={
          asked && {
            title: t(`${ns}.${kind(asked)}Title`, { name: asked.name }),
            body: t(`${ns}.${kind(asked)}Body`, { name: asked.name }),
            confirmLabel: t(kind(asked) === "withdraw" ? "invitations.withdraw" : "invitations.remove"),
            destructive: true,
          }
        }
        pending={props.pending}
        error={props.error}
        onConfirm={() => {
          if (asked)
            props.onRemove(asked).then(
              () => setAsked(null),
              () => undefined,
            );
        }}
        onCancel={() => {
          setAsked(null);
          props.onCancel();
        }}
      />
    </>
  );
}

/** What the owner is told once a row is gone. */
export function removedText(t: ReturnType<typeof useTranslation>["t"], row: ParticipationRow): string {
  return row.status === "invited" ? t("invitations.withdrawn", { name: row.name }) : t("invitations.removed", { name: row.name });
}
