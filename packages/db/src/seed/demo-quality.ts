import { sql } from "drizzle-orm";
import { basketForYear, MATURITY_AREAS } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { mailCounts, maturityScores, qualityReports, satisfactionResults, serviceSteps } from "../schema/index";
import { createRandom, hashString } from "./random";

/** Quality and scope reports are invented for the last five years only; earlier years are left to fill in. */
const QUALITY_FIRST_YEAR = 2021;
const CITIZEN_SURVEYS = ["Barnehage", "Byggesak", "Skole", "Hjemmetjenester"] as const;

function clampStep(value: number): number {
  return Math.max(1, Math.min(5, Math.round(value)));
}

/**
 * Invented (flagged) quality and scope reports for the demo: each municipality has its own level
 * that creeps up over the years, so comparisons and trends have something to show. All approved.
 */
export function seedDemoQuality(
  tx: DbOrTx,
  args: { now: string; units: readonly { id: number; number: string; population: number }[]; years: readonly number[] },
): number {
  const insertReport = tx
    .insert(qualityReports)
    .values({
      organisationId: sql.placeholder("organisationId"),
      year: sql.placeholder("year"),
      instrument: sql.placeholder("instrument"),
      status: "approved",
      isDemo: true,
      updatedAt: args.now,
    })
    .returning({ id: qualityReports.id })
    .prepare();
  const insertScore = tx
    .insert(maturityScores)
    .values({ reportId: sql.placeholder("reportId"), area: sql.placeholder("area"), score: sql.placeholder("score") })
    .prepare();
  const insertStep = tx
    .insert(serviceSteps)
    .values({
      reportId: sql.placeholder("reportId"),
      serviceCode: sql.placeholder("serviceCode"),
      step: sql.placeholder("step"),
      notOffered: sql.placeholder("notOffered"),
    })
    .prepare();
  let reports = 0;
  for (const unit of args.units) {
    const random = createRandom(0x5eed ^ hashString(`quality:${unit.number}`));
    const level = 1.8 + random() * 2;
    const digitalLevel = 1.6 + random() * 1.8;
    const small = unit.population < 5_000;
    for (const year of args.years) {
      if (year < QUALITY_FIRST_YEAR) continue;
      const progress = (year - QUALITY_FIRST_YEAR) * 0.15;
      // SvarUt: about 30 % digital in 2015, rising towards 80 %.
      const mailReport = insertReport.get({ organisationId: unit.id, year, instrument: "scope" });
      reports += 1;
      const shipments = Math.round(unit.population * (0.6 + random() * 0.4));
      const share = Math.min(0.95, 0.3 + (year - 2015) * 0.05 + (random() - 0.5) * 0.1);
      tx.insert(mailCounts)
        .values({
          reportId: mailReport.id,
          shipmentType: "",
          digital: Math.round(shipments * share),
          paper: Math.round(shipments * (1 - share)),
        })
        .run();
      const basket = basketForYear(year)?.services ?? [];
      for (const service of basket) {
        const notOffered = small && random() < 0.08;
        insertStep.run({
          reportId: mailReport.id,
          serviceCode: service.code,
          step: notOffered ? null : clampStep(digitalLevel + progress * 2 + (random() - 0.5) * 2),
          notOffered: notOffered ? 1 : 0,
        });
      }
      const maturity = insertReport.get({ organisationId: unit.id, year, instrument: "maturity" });
      for (const area of MATURITY_AREAS)
        insertScore.run({ reportId: maturity.id, area, score: clampStep(level + progress + (random() - 0.5) * 1.6) });
      const satisfaction = insertReport.get({ organisationId: unit.id, year, instrument: "satisfaction" });
      const staffN = Math.max(4, Math.round(unit.population * 0.01 * (0.5 + random())));
      const rows = [
        {
          reportId: satisfaction.id,
          kind: "staff" as const,
          surveyType: "",
          meanHundredths: Math.round((3.9 + random() * 1.2) * 100),
          respondents: staffN,
          scaleMin: 1,
          scaleMax: 6,
        },
        ...CITIZEN_SURVEYS.filter(() => random() < 0.5).map((surveyType) => ({
          reportId: satisfaction.id,
          kind: "citizen" as const,
          surveyType,
          meanHundredths: Math.round((4 + random() * 1.3) * 100),
          respondents: Math.max(6, Math.round(unit.population * 0.004 * (0.5 + random()))),
          scaleMin: 1,
          scaleMax: 6,
        })),
      ];
      tx.insert(satisfactionResults).values(rows).run();
      reports += 2;
    }
  }
  return reports;
}
