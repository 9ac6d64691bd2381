import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { InvitationAnswer } from "@malestokk/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { translateError } from "../lib/errors";
import { conflictOf } from "../lib/form-errors";
import { formatDateTime } from "../lib/format";
import { ConfirmDialog } from "./confirm-dialog";

export interface InvitationItem {
  readonly key: string;
  readonly title: string;
  /** One line: the sector, and who owns or submitted it. */
  readonly detail: string;
  readonly owner: string;
  readonly invitedByName: string | null;
  readonly invitedAt: string | null;
  /** The user is the invited municipality's manager (the server checks it too). */
  readonly canAnswer: boolean;
}

/**
 * Invitations to take part in another municipality's joint project or idea (ADR 008): what it is,
 * whose, who sent it, what accepting means, and the answer. Only a manager answers (the server
 * checks it too); declining asks first, since only a new invitation undoes it.
 */
export function InvitationList<T extends InvitationItem>(props: {
  heading: string;
  /** What accepting means for the municipality. */
  meaning: string;
  items: readonly T[];
  pending: boolean;
  /** The answer just given, in words; it stays after the last invitation is answered. */
  answered: string | null;
  /** The last refusal; an invitation answered or withdrawn meanwhile is said in `staleText`. */
  error: unknown;
  staleText: string;
  onAnswer: (item: T, answer: InvitationAnswer) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [declining, setDeclining] = useState<T | null>(null);
  const error = props.error
    ? conflictOf(props.error, ["moved", "gone"])
      ? props.staleText
      : translateError(t, props.error).message
    : null;
  return (
    <>
      {props.answered && (
        <Alert data-color="success" role="status" data-testid={`${props.testId}-answered`}>
          {props.answered}
        </Alert>
      )}
      {props.items.length > 0 && (
        <section className="panel stack" aria-labelledby={headingId} data-testid={props.testId}>
          <Heading level={2} data-size="sm" id={headingId}>
            {props.heading}
          </Heading>
          <Paragraph data-size="sm">{props.meaning}</Paragraph>
          <ul className="invitation-list">
            {props.items.map((item) => (
              <li key={item.key} className="stack">
                <Heading level={3} data-size="xs">
                  {item.title}
                </Heading>
                <Paragraph data-size="sm">{item.detail}</Paragraph>
                {item.invitedByName && item.invitedAt && (
                  <Paragraph data-size="sm">
                    {t("invitations.from", {
                      name: item.invitedByName,
                      date: formatDateTime(item.invitedAt),
                    })}
                  </Paragraph>
                )}
                {item.canAnswer ? (
                  <div className="button-row no-print">
                    <Button data-size="sm" disabled={props.pending} onClick={() => props.onAnswer(item, "accept")}>
                      {t("invitations.accept")}
                      <span className="visually-hidden"> {item.title}</span>
                    </Button>
                    <Button data-size="sm" variant="secondary" disabled={props.pending} onClick={() => setDeclining(item)}>
                      {t("invitations.decline")}
                      <span className="visually-hidden"> {item.title}</span>
                    </Button>
                  </div>
                ) : (
                  <Paragraph data-size="sm">{t("invitations.managerOnly")}</Paragraph>
                )}
              </li>
            ))}
          </ul>
          {error && !declining && (
            <Alert data-color="danger" role="alert">
              {error}
            </Alert>
          )}
          <ConfirmDialog
            request={
              declining && {
                title: t("invitations.declineTitle", {
                  title: declining.title,
                }),
                body: t("invitations.declineBody", { owner: declining.owner }),
                confirmLabel: t("invitations.decline"),
                destructive: true,
              }
            }
            pending={props.pending}
            error={error}
            onConfirm={() => {
              if (!declining) return;
              props.onAnswer(declining, "decline");
              setDeclining(null);
            }}
            onCancel={() => setDeclining(null)}
          />
        </section>
      )}
    </>
  );
}
