import { Button, Table } from "@digdir/designsystemet-react";
import type { ParticipationStatus } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../lib/format";
import { ConfirmDialog } from "./confirm-dialog";
import { EmptyState } from "./empty-state";
import { TableScroll } from "./table-scroll";

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
  const kind = (row: ParticipationRow) =>
    row.status === "invited"
      ? "withdraw"
      : row.status === "accepted"
        ? "remove"
        : "forget";
  return (
    <>
      {props.rows.length === 0 ? (
        <EmptyState>{t(`${ns}.empty`)}</EmptyState>
      ) : (
        <TableScroll label={t(`${ns}.caption`)}>
          <Table data-testid="participation-table">
            <caption className="visually-hidden">{t(`${ns}.caption`)}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">
                  {t("invitations.municipality")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  {t("invitations.status")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  {t("invitations.changed")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">
                  <span className="visually-hidden">
                    {t("invitations.actions")}
                  </span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {props.rows.map((row) => (
                <Table.Row key={row.number}>
                  <Table.HeaderCell scope="row">{`${row.name} (${row.number})`}</Table.HeaderCell>
                  <Table.Cell>
                    {t(`invitations.statuses.${row.status}`)}
                  </Table.Cell>
                  <Table.Cell>
                    {row.changedAt
                      ? t("invitations.changedBy", {
                          date: formatDateTime(row.changedAt),
                          name: row.changedByName ?? "",
                        })
                      : ""}
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      className="no-print"
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      aria-label={t(`${ns}.${kind(row)}Named`, {
                        name: row.name,
                      })}
                      onClick={() => setAsked(row)}
                    >
                      {t(
                        kind(row) === "withdraw"
                          ? "invitations.withdraw"
                          : "invitations.remove",
                      )}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ConfirmDialog
        request={
          asked && {
            title: t(`${ns}.${kind(asked)}Title`, { name: asked.name }),
            body: t(`${ns}.${kind(asked)}Body`, { name: asked.name }),
            confirmLabel: t(
              kind(asked) === "withdraw"
                ? "invitations.withdraw"
                : "invitations.remove",
            ),
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
export function removedText(
  t: ReturnType<typeof useTranslation>["t"],
  row: ParticipationRow,
): string {
  return row.status === "invited"
    ? t("invitations.withdrawn", { name: row.name })
    : t("invitations.removed", { name: row.name });
}
