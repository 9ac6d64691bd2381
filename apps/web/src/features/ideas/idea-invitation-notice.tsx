import { Alert, Heading } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTRPC } from "../../lib/trpc";
import { useIdeaTexts } from "./texts";

/** After sign-in: invitations to other municipalities' ideas that wait for an answer (nothing when none do). */
export default function IdeaInvitationNotice() {
  useIdeaTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.ideas.invitations.queryOptions());
  if (!query.data || query.data.length === 0) return null;
  return (
    <Alert data-color="info" data-testid="idea-invitation-notice">
      <Heading level={2} data-size="xs">
        {t("ideas.invitations.noticeHeading")}
      </Heading>
      <ul>
        {query.data.map((i) => (
          <li key={`${i.ideaId}-${i.municipality.number}`}>
            <Link to="/ideer">
              {t("ideas.invitations.noticeItem", {
                owner: i.owner.name,
                municipality: i.municipality.name,
                title: i.title,
              })}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
