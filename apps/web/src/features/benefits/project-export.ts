import type { RouterOutputs } from "@malestokk/api";
import { writeXlsx, XLSX_MIME_TYPE } from "@malestokk/domain";
import type { TFunction } from "i18next";

import { downloadFile } from "../../components/download";
import { sheetName } from "../../components/sheet-names";

type ProjectData = RouterOutputs["benefits"]["project"];

/** The plan as a workbook: one sheet of benefits, one of their measurements. */
export function downloadProjectXlsx(t: TFunction, { project, benefits }: Pick<ProjectData, "project" | "benefits">): void {
  const header = [
    t("benefits.benefitForm.title"),
    t("benefits.benefits.owner"),
    t("benefits.statusCounts"),
    t("benefits.benefitForm.type"),
    t("benefits.benefitForm.valuation"),
    t("benefits.benefitForm.annualValueNok"),
    t("benefits.benefits.cash"),
    t("benefits.benefits.disBenefit"),
    t("benefits.benefitForm.indicatorName"),
    t("benefits.benefitForm.unit"),
    t("benefits.benefitForm.direction"),
    t("benefits.benefitForm.frequency"),
    t("benefits.benefits.baseline"),
    t("benefits.benefitForm.baselineDate"),
    t("benefits.benefits.targets"),
    t("benefits.benefits.nextDue"),
  ];
  const rows = benefits.map((b) => [
    b.title,
    b.ownerName,
    t(`benefits.status.${b.summary.status}`),
    t(`benefits.types.${b.type}`),
    t(`benefits.valuations.${b.valuation}`),
    b.annualValueNok,
    b.cash ? t("benefits.benefits.cash") : t("benefits.benefits.nonCash"),
    b.disBenefit ? t("benefits.benefits.disBenefit") : "",
    b.indicator.name,
    b.indicator.unit,
    t(`benefits.directions.${b.indicator.direction}`),
    t(`benefits.frequencies.${b.indicator.frequency}`),
    b.baseline.value,
    b.baseline.date,
    b.targets.map((x) => `${x.value} (${x.date})`).join("; "),
    b.summary.nextDue,
  ]);
  const measurements = benefits.flatMap((b) =>
    b.measurements.map((m) => [
      b.title,
      m.date,
      m.value,
      m.source === "indicator" ? t("benefits.measurements.fromIndicator") : (m.recordedByName ?? ""),
      m.comment ?? "",
    ]),
  );
  downloadFile(
    `gevinstplan-${project.id}.xlsx`,
    writeXlsx([
      { name: sheetName(t, "benefits"), rows: [header, ...rows], headerRows: 1 },
      {
        name: sheetName(t, "measurements"),
        headerRows: 1,
        rows: [
          [
            t("benefits.benefitForm.title"),
            t("benefits.measurements.date"),
            t("benefits.measurements.value"),
            t("benefits.measurements.who"),
            t("benefits.measurements.comment"),
          ],
          ...measurements,
        ],
      },
    ]),
    XLSX_MIME_TYPE,
  );
}
