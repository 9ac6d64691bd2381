import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { sheetName } from "../../components/sheet-names";
import { formatNok } from "../../lib/format";
import { useCan } from "../../lib/session";

type SectorPortfolio = RouterOutputs["sector"]["portfolio"];
type WithoutPlan = RouterOutputs["sector"]["projectsWithoutPlan"];
type Totals = SectorPortfolio["totals"];

const expectedOf = (totals: Totals) => totals.cash.expectedNok + totals.nonCash.expectedNok;
const realizedOf = (totals: Totals) => totals.cash.realizedNok + totals.nonCash.realizedNok;

/**
 * The meeting pack's benefit sections (issue 20): the sector's portfolio with the figures of the
 * portfolio page (benefits per status, kroner expected against realized, by sector), and every
 * project that still lacks an approved benefit plan, with a link for those who may open it.
 */
export function PackBenefits({ portfolio, withoutPlan }: { portfolio: SectorPortfolio; withoutPlan: WithoutPlan }) {
  const { t } = useTranslation();
  const canOpen = useCan("benefits.read");
  // Plain headers: the pack is printed, and the sector's portfolio page has the coloured tags.
  const statusColumns = portfolio.statuses.map((status) => ({
    key: `status-${status}`,
    header: t(`benefits.status.${status}`),
    numeric: true,
    render: (s: SectorPortfolio["bySector"][number]) => s.totals.byStatus[status],
  }));
  return (
    <>
      <section aria-labelledby="pack-portfolio-heading" className="stack" data-testid="pack-portfolio">
        <Heading level={2} data-size="sm" id="pack-portfolio-heading">
          {t("benefits.pack.portfolioHeading")}
        </Heading>
        {portfolio.projects === 0 ? (
          <Paragraph>{t("benefits.pack.portfolioEmpty")}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">
              {t("benefits.pack.portfolioSummary", {
                projects: portfolio.projects,
                benefits: portfolio.totals.benefits,
                disBenefits: portfolio.totals.disBenefits,
              })}
            </Paragraph>
            <DataTable
              caption={t("benefits.pack.portfolioCaption")}
              size="sm"
              testId="pack-portfolio-table"
              rows={portfolio.bySector}
              rowKey={(s) => s.sector}
              columns={[
                { key: "sector", header: t("benefits.sector"), render: (s) => t(`benefits.sectors.${s.sector}`) },
                ...statusColumns,
                { key: "expected", header: t("benefits.expected"), numeric: true, render: (s) => formatNok(expectedOf(s.totals)) },
                { key: "realized", header: t("benefits.realized"), numeric: true, render: (s) => formatNok(realizedOf(s.totals)) },
              ]}
              footer={[
                {
                  sector: t("benefits.pack.total"),
                  ...Object.fromEntries(portfolio.statuses.map((status) => [`status-${status}`, portfolio.totals.byStatus[status]])),
                  expected: formatNok(expectedOf(portfolio.totals)),
                  realized: formatNok(realizedOf(portfolio.totals)),
                },
              ]}
            />
          </>
        )}
      </section>
      <section aria-labelledby="pack-without-plan-heading" className="stack" data-testid="pack-without-plan">
        <Heading level={2} data-size="sm" id="pack-without-plan-heading">
          {t("benefits.pack.withoutPlanHeading")}
        </Heading>
        <Paragraph data-size="sm">{t("benefits.pack.withoutPlanIntro")}</Paragraph>
        <DataTable
          caption={t("benefits.pack.withoutPlanHeading")}
          captionHidden
          size="sm"
          testId="pack-without-plan-table"
          rows={withoutPlan}
          rowKey={(p) => p.id}
          empty={t("benefits.pack.withoutPlanNone")}
          columns={[
            {
              key: "project",
              header: t("benefits.project"),
              render: (p) => (canOpen ? <Link to={`/gevinster/prosjekt/${p.id}`}>{p.name}</Link> : p.name),
            },
            { key: "owner", header: t("benefits.owner"), render: (p) => p.owner.name },
            { key: "sector", header: t("benefits.sector"), render: (p) => t(`benefits.sectors.${p.sector}`) },
            { key: "phase", header: t("benefits.phase"), render: (p) => t(`benefits.phases.${p.phase}`) },
            { key: "status", header: t("benefits.pack.planStatus"), render: (p) => withoutPlanStatus(t, p) },
          ]}
        />
      </section>
    </>
  );
}

function withoutPlanStatus(t: TFunction, p: WithoutPlan[number]): string {
  return p.reason === "noBenefits" ? t("benefits.pack.noBenefits") : t("benefits.pack.notApproved", { count: p.benefits });
}

/** The same two sections as sheets of the meeting pack's workbook. */
export function packBenefitSheets(t: TFunction, portfolio: SectorPortfolio, withoutPlan: WithoutPlan) {
  const statusHeaders = portfolio.statuses.map((status) => t(`benefits.status.${status}`));
  const portfolioRows = [
    ...portfolio.bySector.map((s) => ({ name: t(`benefits.sectors.${s.sector}`), totals: s.totals })),
    { name: t("benefits.pack.total"), totals: portfolio.totals },
  ].map((r) => [r.name, ...portfolio.statuses.map((status) => r.totals.byStatus[status]), expectedOf(r.totals), realizedOf(r.totals)]);
  return [
    {
      name: sheetName(t, "sectorPortfolio"),
      rows: [[t("benefits.sector"), ...statusHeaders, t("benefits.expected"), t("benefits.realized")], ...portfolioRows],
      headerRows: 1,
    },
    {
      name: sheetName(t, "withoutPlan"),
      rows: [
        [
          t("benefits.project"),
          t("benefits.owner"),
          t("benefits.pack.ownerNumber"),
          t("benefits.sector"),
          t("benefits.phase"),
          t("benefits.pack.planStatus"),
        ],
        ...withoutPlan.map((p) => [
          p.name,
          p.owner.name,
          p.owner.number,
          t(`benefits.sectors.${p.sector}`),
          t(`benefits.phases.${p.phase}`),
          withoutPlanStatus(t, p),
        ]),
      ],
      headerRows: 1,
    },
  ];
}

type SectorSolutions = RouterOutputs["solutions"]["sector"];
type RollUp = RouterOutputs["solutions"]["rollUp"];

const realizedToDate = (s: SectorSolutions[number], kind: "cash" | "nonCash") => s.years.reduce((a, y) => a + y[kind].realizedNok, 0);
const kroner = { format: "kroner", width: 16 } as const;
const text = (width: number) => ({ width, wrap: true });

/**
 * The joint solutions as sheets of the meeting pack's workbook (issue 26), with the figures the screen shows
 * (docs/indicators.md#joint-solutions): per solution the sums to date, as the pack's table; per solution and
 * year the sector's sum, cash and non-cash apart, as on the solution's page; and per solution each adopter's
 * status, planned and realized value and next measurement, then those taking part who have not adopted.
 * The adopters' rows come from each solution's roll-up, which only readers of benefits everywhere may read
 * (`rollUps` null): a sector council gets the first two sheets and the participants that have not adopted.
 */
export function packSolutionSheets(t: TFunction, solutions: SectorSolutions, rollUps: readonly RollUp[] | null) {
  const solution = t("benefits.solutions.solution");
  const adopters = t("benefits.solutions.adoptersCount");
  const rollUpOf = new Map((rollUps ?? []).map((r) => [r.projectId, r]));
  return [
    {
      name: sheetName(t, "solutions"),
      headerRows: 1,
      columns: [text(30), text(20), { width: 14 }, { width: 14 }, { width: 14 }, kroner, kroner, kroner, text(40)],
      rows: [
        [
          solution,
          t("benefits.solutions.owner"),
          adopters,
          t("benefits.solutions.approvedCount"),
          t("benefits.solutions.notAdoptedCount"),
          t("benefits.solutions.cashRealizedToDate"),
          t("benefits.solutions.nonCashRealizedToDate"),
          t("benefits.solutions.plannedThisYear"),
          t("benefits.pack.notAdoptedNames"),
        ],
        ...solutions.map((s) => {
          const thisYear = s.years.find((y) => y.year === Number(s.today.slice(0, 4)));
          return [
            s.name,
            s.owner.name,
            s.adopters,
            s.approved,
            s.notAdopted.length,
            realizedToDate(s, "cash"),
            realizedToDate(s, "nonCash"),
            thisYear ? thisYear.cash.plannedNok + thisYear.nonCash.plannedNok : 0,
            s.notAdopted.map((m) => `${m.name} (${m.number})`).join(", "),
          ];
        }),
      ],
    },
    {
      name: sheetName(t, "solutionYears"),
      headerRows: 1,
      columns: [text(30), { width: 8 }, { width: 14 }, kroner, kroner, kroner, kroner, text(30)],
      rows: [
        [
          solution,
          t("benefits.solutions.year"),
          adopters,
          t("benefits.solutions.cashPlanned"),
          t("benefits.solutions.cashRealized"),
          t("benefits.solutions.nonCashPlanned"),
          t("benefits.solutions.nonCashRealized"),
          t("benefits.solutions.missing"),
        ],
        ...solutions.flatMap((s) =>
          s.years.map((y) => [
            s.name,
            y.year,
            y.adopters,
            y.cash.plannedNok,
            y.cash.realizedNok,
            y.nonCash.plannedNok,
            y.nonCash.realizedNok,
            y.missing.join(", "),
          ]),
        ),
      ],
    },
    {
      name: sheetName(t, "solutionMunicipalities"),
      headerRows: 1,
      columns: [text(30), text(20), { width: 14 }, text(24), { width: 12 }, kroner, kroner, text(20)],
      rows: [
        [
          solution,
          t("benefits.solutions.municipality"),
          t("benefits.pack.ownerNumber"),
          t("benefits.solutions.status"),
          t("benefits.solutions.adoptedAt"),
          t("benefits.solutions.plannedToDate"),
          t("benefits.solutions.realizedToDate"),
          t("benefits.solutions.nextDue"),
        ],
        ...solutions.flatMap((s) => [
          ...(rollUpOf.get(s.projectId)?.adopters ?? []).map((a) => [
            s.name,
            a.name,
            a.number,
            t(`benefits.solutions.planStatus.${a.status}`),
            a.adoptedAt.slice(0, 10),
            a.figuresShown ? a.plannedNok : t("benefits.solutions.notApprovedYet"),
            a.figuresShown ? a.realizedNok : t("benefits.solutions.notApprovedYet"),
            a.nextDue === null ? null : `${a.nextDue}${a.overdue ? ` (${t("benefits.solutions.overdue")})` : ""}`,
          ]),
          ...s.notAdopted.map((m) => [s.name, m.name, m.number, t("benefits.solutions.planStatus.none"), null, null, null, null]),
        ]),
      ],
    },
  ];
}
