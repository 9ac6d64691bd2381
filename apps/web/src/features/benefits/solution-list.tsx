import { Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { formatDate } from "../../lib/format";
import { useSolutions } from "./api";

/**
 * The joint solutions a municipality may take into use (issue 26), on its benefits page: each with the
 * template's latest version and where the municipality stands, linking to its local plan or to adoption.
 */
export function SolutionList({ municipalityNumber }: { municipalityNumber: string }) {
  const { t } = useTranslation();
  const query = useSolutions(municipalityNumber);
  if (!query.isSuccess) return null;
  return (
    <section aria-labelledby="portfolio-solutions" className="stack" data-testid="solution-list">
      <Heading level={2} data-size="sm" id="portfolio-solutions">
        {t("benefits.solutions.listHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("benefits.solutions.listIntro")}</Paragraph>
      <DataTable
        caption={t("benefits.solutions.listCaption")}
        captionHidden
        size="sm"
        rows={query.data}
        rowKey={(s) => s.projectId}
        empty={t("benefits.solutions.listEmpty")}
        columns={[
          {
            key: "name",
            header: t("benefits.solutions.solution"),
            render: (s) => <Link to={`/kommune/${municipalityNumber}/felles/${s.projectId}`}>{s.name}</Link>,
          },
          { key: "owner", header: t("benefits.solutions.owner"), render: (s) => `${s.owner.name} (${s.owner.number})` },
          {
            key: "version",
            header: t("benefits.solutions.latest"),
            render: (s) => t("benefits.solutions.versionOn", { number: s.latestVersion, date: formatDate(s.publishedAt.slice(0, 10)) }),
          },
          {
            key: "status",
            header: t("benefits.solutions.status"),
            render: (s) =>
              s.localPlan === null ? (
                <Tag data-color="neutral">{t("benefits.solutions.planStatus.none")}</Tag>
              ) : (
                <>
                  <Tag data-color={s.localPlan.approved ? "success" : "warning"}>
                    {t(`benefits.solutions.planStatus.${s.localPlan.approved ? "approved" : "adopted"}`)}
                  </Tag>
                  {s.localPlan.newerAvailable && ` ${t("benefits.solutions.newerShort")}`}
                </>
              ),
          },
        ]}
      />
    </section>
  );
}
