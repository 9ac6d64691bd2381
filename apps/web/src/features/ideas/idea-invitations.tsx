import { can } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { InvitationList } from "../../components/invitation-list";
import { conflictOf } from "../../lib/form-errors";
import { grantsOf, useMe } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

/**
 * Invitations to take part in other municipalities' ideas, above the idea list: the manager of the
 * invited municipality accepts or declines (ADR 008); others in it see them only.
 */
export function IdeaInvitations() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const grants = grantsOf(me.data);
  const organisationId = new Map(
    (me.data?.grants ?? []).map((g) => [
      g.organisationNumber,
      g.organisationId,
    ]),
  );
  const query = useQuery(trpc.ideas.invitations.queryOptions());
  const [answered, setAnswered] = useState<string | null>(null);
  const answer = useMutation(
    trpc.ideas.answerInvitation.mutationOptions({
      onSuccess: async (_r, input) => {
        const invitation = query.data?.find(
          (i) =>
            i.ideaId === input.ideaId &&
            i.municipality.number === input.municipalityNumber,
        );
        const values = {
          name: invitation?.municipality.name ?? "",
          title: invitation?.title ?? "",
        };
        setAnswered(
          input.answer === "accept"
            ? t("ideas.invitations.accepted", values)
            : t("ideas.invitations.declined", values),
        );
        await queryClient.invalidateQueries(trpc.ideas.pathFilter());
      },
      onError: (error) => {
        if (conflictOf(error, ["moved", "gone"])) void queryClient.invalidateQueries(trpc.ideas.pathFilter());
      },
    }),
  );
  const invitations = query.data ?? [];
  const names = [...new Set(invitations.map((i) => i.municipality.name))].join(
    ", ",
  );
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
        canAnswer: can(
          grants,
          "ideas.submit",
          organisationId.get(i.municipality.number) ?? null,
        ),
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
