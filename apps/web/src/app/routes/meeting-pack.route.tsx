import "../../features/benefits/benefits.css";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { aboutSheet, writeXlsx, XLSX_MIME_TYPE } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

import { exportFacts } from "../../components/export-about";
import { downloadFile } from "../../components/download";
import { allOf, QueryView } from "../../components/query-view";
import { useExportTexts } from "../../components/export-texts";
import { sheetName } from "../../components/sheet-names";
import { useRollUps, useSectorBenefits, useSectorSolutions } from "../../features/benefits/api";
import { packBenefitSheets, PackBenefits, packSolutionSheets } from "../../features/benefits/pack-benefits";
import { SectorSolutions } from "../../features/benefits/roll-up";
import { useBenefitTexts } from "../../features/benefits/texts";
import { AnnouncePack } from "../../features/ideas/announce-pack";
import { ideasSheet, IdeasPage } from "../../features/ideas/ideas-page";
import { useIdeaTexts } from "../../features/ideas/texts";
import { dashboardAbout, dashboardSheets, SectorDashboard } from "../../features/sector/sector-dashboard";
import { useSectorTexts } from "../../features/sector/texts";
import { useHasDemoData } from "../../lib/demo";
import { useCan } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

/**
 * /ideer/motepakke: the programme board's pack for a meeting, the items up for decision and the
 * sector dashboard, the benefit portfolio and the projects still without a benefit plan (issue 20),
 * as one print-friendly page and one workbook (issue 9).
 */
export default function MeetingPackRoute() {
  useIdeaTexts();
  useSectorTexts();
  useBenefitTexts();
  useExportTexts();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const canSeeSector = useCan("sector.read");
  const canCompile = useCan("ideas.compile");
  const demo = useHasDemoData();
  const ideas = useQuery(trpc.ideas.list.queryOptions());
  const dashboard = useQuery({ ...trpc.sector.dashboard.queryOptions({}), enabled: canSeeSector });
  const benefits = useSectorBenefits(canSeeSector);
  const solutions = useSectorSolutions(canSeeSector);
  // Each solution's adopters, for those who may read every municipality's approved plans (not a sector council).
  const canReadPlans = useCan("benefits.read");
  const rollUps = useRollUps(canSeeSector && canReadPlans ? (solutions.data ?? []).map((s) => s.projectId) : []);
  useEffect(() => {
    document.title = `${t("ideas.pack.heading")} – ${t("app.name")}`;
  }, [t]);
  // One load and one failure for the pack: the items and the dashboard come together or not at all.
  const pack = allOf(canSeeSector ? [ideas, dashboard, benefits.portfolio, benefits.withoutPlan, solutions, ...rollUps] : [ideas]);
  const download = () => {
    const items = (ideas.data ?? []).filter((i) => i.status === "compiled");
    const language = i18n.language === "en" ? "en" : "nb";
    const about = dashboard.data
      ? [dashboardAbout(t, dashboard.data, { title: t("ideas.pack.heading"), language, demo })]
      : [
          aboutSheet(
            sheetName(t, "about"),
            exportFacts(t, { title: t("ideas.pack.heading"), about: {}, language, demo, now: new Date(), address: window.location.href }),
          ),
        ];
    const sheets = [
      ...about,
      ideasSheet(t, sheetName(t, "meetingItems"), items),
      ...(benefits.portfolio.data && benefits.withoutPlan.data
        ? packBenefitSheets(t, benefits.portfolio.data, benefits.withoutPlan.data)
        : []),
      ...(solutions.data
        ? packSolutionSheets(t, solutions.data, canReadPlans ? rollUps.flatMap((r) => (r.data ? [r.data] : [])) : null)
        : []),
      ...(dashboard.data ? dashboardSheets(t, dashboard.data, language) : []),
    ];
    downloadFile("motepakke.xlsx", writeXlsx(sheets), XLSX_MIME_TYPE);
  };
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("ideas.pack.heading")}
      </Heading>
      <Paragraph>{t("ideas.pack.intro")}</Paragraph>
      <QueryView query={pack} testId="pack">
        {() => (
          <>
            <div className="button-row no-print">
              <Button variant="secondary" data-size="sm" onClick={download}>
                {t("ideas.pack.download")}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={() => window.print()}>
                {t("ideas.pack.print")}
              </Button>
            </div>
            <IdeasPage pack />
            {canCompile && <AnnouncePack />}
            {benefits.portfolio.data && benefits.withoutPlan.data && (
              <PackBenefits portfolio={benefits.portfolio.data} withoutPlan={benefits.withoutPlan.data} />
            )}
            {canSeeSector && <SectorSolutions />}
            {canSeeSector && <SectorDashboard embedded />}
          </>
        )}
      </QueryView>
    </div>
  );
}
