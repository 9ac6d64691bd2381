import { Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { ParticipantNumberSchema } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { LeaveButton } from "../../components/leave-button";
import { ParticipationTable, removedText } from "../../components/participation-table";
import { readAppError, translateError } from "../../lib/errors";
import { useInviteParticipant, useLeaveProject, useRemoveParticipant } from "./api";
import { benefitIssueText } from "./texts";

type Participation = RouterOutputs["benefits"]["project"]["participation"][number];

/**
 * For those who keep the plan: every municipality invited to the project with its answer, the
 * invitations to withdraw or participants to remove (each asks first), and a field to invite one more.
 */
export function ParticipationSection({
  projectId,
  participation,
  onDone,
}: {
  projectId: number;
  participation: readonly Participation[];
  onDone: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const remove = useRemoveParticipant();
  const invite = useInviteParticipant({
    onSuccess: (_r, input) => {
      setNumber("");
      onDone(t("benefits.participation.sent", { number: input.participant }));
    },
    onError: (error) => {
      const issue = readAppError(error)?.issues[0];
      setFieldError(issue ? benefitIssueText(t, issue) : translateError(t, error).message);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ParticipantNumberSchema.safeParse(number.trim());
    if (!parsed.success) {
      setFieldError(
        benefitIssueText(t, {
          code: "UNKNOWN_MUNICIPALITY",
          params: { number: number.trim() },
        }),
      );
      return;
    }
    setFieldError(null);
    invite.mutate({ projectId, participant: parsed.data });
  };
  return (
    <section className="stack" aria-labelledby="participation-heading" data-testid="participation">
      <Heading level={2} data-size="sm" id="participation-heading">
        {t("benefits.participation.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("benefits.participation.intro")}</Paragraph>
      <ParticipationTable
        ns="benefits.participation"
        rows={participation}
        pending={remove.isPending}
        error={remove.error ? translateError(t, remove.error).message : null}
        onRemove={async (row) => {
          await remove.mutateAsync({ projectId, participant: row.number });
          onDone(removedText(t, row));
        }}
        onCancel={() => remove.reset()}
      />
      <form className="stack no-print" onSubmit={submit} noValidate>
        <Textfield
          id="invite-participant"
          label={t("benefits.participation.invite")}
          description={t("benefits.participation.inviteDescription")}
          value={number}
          error={fieldError ?? undefined}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => setNumber(e.target.value)}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={invite.isPending} aria-busy={invite.isPending}>
            {t("benefits.participation.send")}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** For the manager of a municipality that takes part: leave the project (asks first), back to the own portfolio. */
export function LeaveProject({
  projectId,
  projectName,
  municipality,
}: {
  projectId: number;
  projectName: string;
  municipality: { number: string; name: string };
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leave = useLeaveProject({
    onSuccess: () => void navigate(`/kommune/${municipality.number}/gevinster`),
  });
  return (
    <LeaveButton
      label={t("benefits.participation.leave")}
      title={t("benefits.participation.leaveTitle", { title: projectName })}
      body={t("benefits.participation.leaveBody", { name: municipality.name })}
      pending={leave.isPending}
      error={leave.error ? translateError(t, leave.error).message : null}
      onConfirm={() => leave.mutate({ municipalityNumber: municipality.number, projectId })}
      onCancel={() => leave.reset()}
    />
  );
}
