import { Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { writeXlsx, XLSX_MIME_TYPE, type BenefitStatus, type InvitationAnswer } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { downloadFile } from "../../components/download";
import { sheetName } from "../../components/sheet-names";
import { InvitationList } from "../../components/invitation-list";
import { QueryView } from "../../components/query-view";
import { formatDateShort, formatNok } from "../../lib/format";
import { useAnswerInvitation, useCreateProject, usePortfolio } from "./api";
import { ProjectForm } from "./project-form";
import { SolutionList } from "./solution-list";
import { STATUS_COLOURS } from "./texts";

const STATUSES: readonly BenefitStatus[] = ["onTrack", "atRisk", "offTrack", "realized", "noData"];

/**
 * A municipality's benefit portfolio: projects, status counts, and kroner expected against realized;
 * above them the invitations to joint projects that wait for the manager's answer.
 */
export function Portfolio({
  municipalityNumber,
  canEdit,
  canAnswer,
}: {
  municipalityNumber: string;
  canEdit: boolean;
  canAnswer: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const portfolio = usePortfolio(municipalityNumber);
  const [creating, setCreating] = useState(false);
  const create = useCreateProject({ onSuccess: ({ id }) => void navigate(`/gevinster/prosjekt/${id}`) });
  const [answered, setAnswered] = useState<string | null>(null);
  const answer = useAnswerInvitation({
    onSuccess: (_r, input) => {
      const title = portfolio.data?.invitations.find((i) => i.projectId === input.projectId)?.name ?? "";
      setAnswered(
        input.answer === "accept"
          ? t("benefits.invitations.accepted", { name: portfolio.data?.municipalityName ?? "", title })
          : t("benefits.invitations.declined", { title }),
      );
    },
  });
  if (!portfolio.isSuccess) return <QueryView query={portfolio} />;
  const data = portfolio.data;
  const exportXlsx = () => {
    const header = [
      t("benefits.project"),
      t("benefits.benefitForm.title"),
      t("benefits.benefits.owner"),
      t("benefits.statusCounts"),
      t("benefits.benefits.cash"),
      t("benefits.benefits.disBenefit"),
      t("benefits.expected"),
      t("benefits.realized"),
      t("benefits.benefits.nextDue"),
    ];
    const rows = data.benefits.map((b) => [
      data.projects.find((p) => p.id === b.projectId)?.name ?? "",
      b.title,
      b.ownerName,
      t(`benefits.status.${b.summary.status}`),
      b.cash ? t("benefits.benefits.cash") : t("benefits.benefits.nonCash"),
      b.disBenefit ? t("benefits.benefits.disBenefit") : "",
      b.summary.expectedNok,
      b.summary.realizedNok,
      b.summary.nextDue,
    ]);
    downloadFile(
      `gevinster-${municipalityNumber}.xlsx`,
      writeXlsx([{ name: sheetName(t, "portfolio"), rows: [header, ...rows], headerRows: 1 }]),
      XLSX_MIME_TYPE,
    );
  };
  return (
    <div className="stack">
      <Paragraph>{t("benefits.portfolioIntro")}</Paragraph>
      <InvitationList
        heading={t("benefits.invitations.heading")}
        meaning={t("benefits.invitations.meaning", { name: data.municipalityName })}
        items={data.invitations.map((i) => ({
          key: String(i.projectId),
          projectId: i.projectId,
          title: i.name,
          detail: t("benefits.invitations.detail", {
            sector: t(`benefits.sectors.${i.sector}`),
            owner: i.owner.name,
            number: i.owner.number,
          }),
          owner: i.owner.name,
          invitedByName: i.invitedByName,
          invitedAt: i.invitedAt,
          canAnswer,
        }))}
        pending={answer.isPending}
        answered={answered}
        error={answer.error}
        staleText={t("benefits.invitations.stale")}
        onAnswer={(item, reply: InvitationAnswer) => {
          setAnswered(null);
          answer.mutate({ municipalityNumber, projectId: item.projectId, answer: reply });
        }}
        testId="project-invitations"
      />
      {canEdit && !creating && (
        <div className="button-row no-print">
          <Button onClick={() => setCreating(true)}>{t("benefits.newProject")}</Button>
        </div>
      )}
      {creating && (
        <ProjectForm
          initial={null}
          pending={create.isPending}
          error={create.error}
          onSubmit={(project) => create.mutate({ municipalityNumber, project })}
          onCancel={() => {
            setCreating(false);
            create.reset();
          }}
        />
      )}
      {data.projects.length === 0 ? (
        <EmptyState>{canEdit ? t("benefits.emptyBody") : t("benefits.emptyReadOnly")}</EmptyState>
      ) : (
        <>
          <section aria-labelledby="portfolio-totals" className="stack">
            <Heading level={2} data-size="sm" id="portfolio-totals">
              {t("benefits.totalsHeading")}
            </Heading>
            <Paragraph data-testid="portfolio-counts">
              {t("benefits.benefitsCount", { count: data.totals.benefits })}
              {data.totals.disBenefits > 0 && <>, {t("benefits.disBenefitsCount", { count: data.totals.disBenefits })}</>}.{" "}
              {STATUSES.filter((s) => data.totals.byStatus[s] > 0)
                .map((s) => `${t(`benefits.status.${s}`)}: ${data.totals.byStatus[s]}`)
                .join(" · ")}
            </Paragraph>
            <DataTable
              caption={t("benefits.totalsCaption")}
              testId="portfolio-totals-table"
              rows={["cash", "nonCash"] as const}
              rowKey={(kind) => kind}
              columns={[
                { key: "kind", header: t("benefits.benefits.cash"), hideHeader: true, render: (kind) => t(`benefits.${kind}Row`) },
                {
                  key: "expected",
                  header: t("benefits.expected"),
                  numeric: true,
                  render: (kind) => formatNok(data.totals[kind].expectedNok),
                },
                {
                  key: "realized",
                  header: t("benefits.realized"),
                  numeric: true,
                  render: (kind) => formatNok(data.totals[kind].realizedNok),
                },
              ]}
            />
            <Paragraph data-size="sm">{t("benefits.statusRule")}</Paragraph>
          </section>
          <section aria-labelledby="portfolio-projects" className="stack">
            <Heading level={2} data-size="sm" id="portfolio-projects">
              {t("benefits.projectsHeading")}
            </Heading>
            <div className="button-row no-print">
              <Button variant="tertiary" data-size="sm" onClick={exportXlsx}>
                {t("benefits.exportXlsx")}
              </Button>
            </div>
            <DataTable
              caption={t("benefits.projectsCaption")}
              testId="portfolio-projects"
              rows={data.projects}
              rowKey={(p) => p.id}
              columns={[
                {
                  key: "project",
                  header: t("benefits.project"),
                  render: (p) => (
                    <>
                      <Link to={`/gevinster/prosjekt/${p.id}`}>{p.name}</Link>{" "}
                      {p.joint && (
                        <Tag data-size="sm" data-color="info">
                          {t("benefits.joint")}
                        </Tag>
                      )}{" "}
                      {p.isDemo && (
                        <Tag data-size="sm" data-color="warning">
                          {t("app.demoTag")}
                        </Tag>
                      )}
                    </>
                  ),
                },
                { key: "owner", header: t("benefits.owner"), render: (p) => p.owner.name },
                { key: "phase", header: t("benefits.phase"), render: (p) => t(`benefits.phases.${p.phase}`) },
                {
                  key: "planVersion",
                  header: t("benefits.planVersion"),
                  render: (p) =>
                    p.latestVersion
                      ? t("benefits.versionShort", { number: p.latestVersion.number, date: formatDateShort(p.latestVersion.approvedOn) })
                      : t("benefits.noVersion"),
                },
                {
                  key: "statusCounts",
                  header: t("benefits.statusCounts"),
                  render: (p) => (
                    <span className="status-list">
                      {STATUSES.filter((s) => p.totals.byStatus[s] > 0).map((s) => (
                        <Tag key={s} data-size="sm" data-color={STATUS_COLOURS[s]}>
                          {t(`benefits.status.${s}`)}: {p.totals.byStatus[s]}
                        </Tag>
                      ))}
                    </span>
                  ),
                },
                {
                  key: "expected",
                  header: t("benefits.expected"),
                  numeric: true,
                  render: (p) => formatNok(p.totals.cash.expectedNok + p.totals.nonCash.expectedNok),
                },
                {
                  key: "realized",
                  header: t("benefits.realized"),
                  numeric: true,
                  render: (p) => formatNok(p.totals.cash.realizedNok + p.totals.nonCash.realizedNok),
                },
              ]}
            />
          </section>
        </>
      )}
      <SolutionList municipalityNumber={municipalityNumber} />
    </div>
  );
}
