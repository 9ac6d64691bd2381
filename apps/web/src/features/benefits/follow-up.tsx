import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useBenefitTexts } from "./texts";

/**
 * After sign-in: the benefits whose next measurement is overdue, per owner, and the invitations to
 * joint projects that wait for an answer (nothing when there are neither).
 */
export default function FollowUp() {
  useBenefitTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.benefits.followUp.queryOptions());
  if (!query.data || (query.data.count === 0 && query.data.invitations.length === 0)) return null;
  const { count, owners, invitations } = query.data;
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
                    <Link to={`/gevinster/prosjekt/${item.projectId}`}>{t("benefits.followUp.item", { title: item.title, project: item.projectName, date: formatDate(item.nextDue) })}</Link>
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
                <Link to={`/kommune/${i.municipality.number}/gevinster`}>{t("benefits.invitations.followUpItem", { owner: i.owner.name, municipality: i.municipality.name, title: i.name })}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
