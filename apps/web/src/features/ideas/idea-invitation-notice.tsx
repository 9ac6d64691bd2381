import { Alert, Heading } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { QueryView } from "../../components/query-view";
import { useIdeaInvitations } from "./api";
import { useIdeaTexts } from "./texts";

/**
 * After sign-in: invitations to other municipalities' ideas that wait for an answer (nothing when
 * none do, or while it loads; a failure says so, with a retry).
 */
export default function IdeaInvitationNotice() {
  useIdeaTexts();
  const query = useIdeaInvitations();
  return (
    <QueryView query={query} pending={null} testId="idea-invitation-notice">
      {(invitations) => <Notice invitations={invitations} />}
    </QueryView>
  );
}

function Notice({ invitations }: { invitations: RouterOutputs["ideas"]["invitations"] }) {
  const { t } = useTranslation();
  if (invitations.length === 0) return null;
  return (
    <Alert data-color="info" data-testid="idea-invitation-notice">
      <Heading level={2} data-size="xs">
        {t("ideas.invitations.noticeHeading")}
      </Heading>
      <ul>
        {invitations.map((i) => (
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
