import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { QueryView } from "../../components/query-view";
import { formatDate } from "../../lib/format";
import { useFollowUp } from "./api";
import { useBenefitTexts } from "./texts";

type FollowUpData = RouterOutputs["benefits"]["followUp"];

/**
 * After sign-in: the benefits whose next measurement is overdue, per owner, and the invitations to
 * joint projects that wait for an answer (nothing when there are neither, or while it loads).
 */
export default function FollowUp() {
  useBenefitTexts();
  const query = useFollowUp();
  return (
    <QueryView query={query} pending={null} testId="follow-up">
      {(data) => <FollowUpNotice data={data} />}
    </QueryView>
  );
}

function FollowUpNotice({ data }: { data: FollowUpData }) {
  const { t } = useTranslation();
  const { count, owners, invitations } = data;
  if (count === 0 && invitations.length === 0) return null;
  return (
    <Alert data-color="warning" data-testid="follow-up">
      {count > 0 && (
        <>
          <Heading level={2} data-size="xs">
            {t("benefits.followUp.heading")}
          </Heading>
          <Paragraph>{t("benefits.followUp.intro", { count })}</Paragraph>
          {owners.map((owner) => (
            <div key={owner.ownerName}>
              <Paragraph data-size="sm">
                <strong>{t("benefits.followUp.owner", { name: owner.ownerName })}</strong>
              </Paragraph>
              <ul>
                {owner.items.map((item) => (
                  <li key={item.benefitId}>
                    <Link to={`/gevinster/prosjekt/${item.projectId}`}>
                      {t("benefits.followUp.item", { title: item.title, project: item.projectName, date: formatDate(item.nextDue) })}
                    </Link>
                    {item.mine && ` ${t("benefits.followUp.mine")}`}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      {invitations.length > 0 && (
        <>
          <Heading level={2} data-size="xs">
            {t("benefits.invitations.followUpHeading")}
          </Heading>
          <ul>
            {invitations.map((i) => (
              <li key={`${i.projectId}-${i.municipality.number}`}>
                <Link to={`/kommune/${i.municipality.number}/gevinster`}>
                  {t("benefits.invitations.followUpItem", { owner: i.owner.name, municipality: i.municipality.name, title: i.name })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
