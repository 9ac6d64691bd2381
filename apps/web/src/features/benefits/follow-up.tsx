import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatDate } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useBenefitTexts } from "./texts";

/** After sign-in: the benefits whose next measurement is overdue, per owner (nothing when none are). */
export default function FollowUp() {
  useBenefitTexts();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.benefits.followUp.queryOptions());
  if (!query.data || query.data.count === 0) return null;
  return (
    <Alert data-color="warning" data-testid="follow-up">
      <Heading level={2} data-size="xs">
        {t("benefits.followUp.heading")}
      </Heading>
      <Paragraph>{t("benefits.followUp.intro", { count: query.data.count })}</Paragraph>
      {query.data.owners.map((owner) => (
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
    </Alert>
  );
}
