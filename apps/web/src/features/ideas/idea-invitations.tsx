import { can } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { InvitationList } from "../../components/invitation-list";
import { QueryView } from "../../components/query-view";
import { grantsOf, useMe } from "../../lib/session";
import { useAnswerIdeaInvitation, useIdeaInvitations } from "./api";

/**
 * Invitations to take part in other municipalities' ideas, above the idea list: the manager of the
 * invited municipality accepts or declines (ADR 008); others in it see them only.
 */
export function IdeaInvitations() {
  const { t } = useTranslation();
  const me = useMe();
  const grants = grantsOf(me.data);
  const organisationId = new Map((me.data?.grants ?? []).map((g) => [g.organisationNumber, g.organisationId]));
  const query = useIdeaInvitations();
  const [answered, setAnswered] = useState<string | null>(null);
  const answer = useAnswerIdeaInvitation({
    onSuccess: (_r, input) => {
      const invitation = query.data?.find((i) => i.ideaId === input.ideaId && i.municipality.number === input.municipalityNumber);
      const values = {
        name: invitation?.municipality.name ?? "",
        title: invitation?.title ?? "",
      };
      setAnswered(input.answer === "accept" ? t("ideas.invitations.accepted", values) : t("ideas.invitations.declined", values));
    },
  });
  if (!query.isSuccess) return <QueryView query={query} pending={null} testId="idea-invitations" />;
  const invitations = query.data;
  const names = [...new Set(invitations.map((i) => i.municipality.name))].join(", ");
  return (
    <InvitationList
      heading={t("ideas.invitations.heading")}
      meaning={t("ideas.invitations.meaning", { name: names })}
      items={invitations.map((i) => ({
        key: `${i.ideaId}-${i.municipality.number}`,
        ideaId: i.ideaId,
        municipalityNumber: i.municipality.number,
        title: i.title,
        detail: t("ideas.invitations.detail", {
          sector: t(`ideas.sectors.${i.sector}`),
          owner: i.owner.name,
          number: i.owner.number,
        }),
        owner: i.owner.name,
        invitedByName: i.invitedByName,
        invitedAt: i.invitedAt,
        canAnswer: can(grants, "ideas.submit", organisationId.get(i.municipality.number) ?? null),
      }))}
      pending={answer.isPending}
      answered={answered}
      error={answer.error}
      staleText={t("ideas.invitations.stale")}
      onAnswer={(item, reply) => {
        setAnswered(null);
        answer.mutate({
          municipalityNumber: item.municipalityNumber,
          ideaId: item.ideaId,
          answer: reply,
        });
      }}
      testId="idea-invitations"
    />
  );
}
