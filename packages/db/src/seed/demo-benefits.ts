import { eq } from "drizzle-orm";
import type { BenefitInput } from "@malestokk/domain";

import type { Db } from "../client";
import { benefitPlanContent, insertPlanVersion } from "../queries/benefit-plans";
import { insertBenefit, insertMeasurement, insertProject, listApprovedValuesOf, listBenefits, getProject } from "../queries/benefits";
import { setParticipation } from "../queries/participation";
import { hasDemoData } from "../queries/indicators";
import { organisations, projects, users } from "../schema/index";
import { seedDemoJointSolution } from "./demo-joint";
import { DEMO_USER_MUNICIPALITIES } from "./demo-users";

const base = {
  description: null,
  ownerUserId: null,
  quantitative: true,
  disBenefit: false,
  linkedIndicatorCode: null,
  preconditionKeys: [],
  goalKeys: [],
} satisfies Partial<BenefitInput>;

/**
 * Invented projects with benefit plans for the demo municipalities (flagged is_demo): one that
 * follows the digital mail share (S3) from the reported figures, one with measurements entered by
 * hand that are overdue, a dis-benefit, and a joint project. Only on a demo database without projects.
 */
export function seedDemoBenefits(db: Db, options: { now: string }): number {
  if (!hasDemoData(db)) return 0;
  // An older demo database gets the joint solution too (issue 26): it fills only what is missing.
  if (db.select({ id: projects.id }).from(projects).limit(1).all().length > 0)
    return db.transaction((tx) => seedDemoJointSolution(tx, options));
  let created = 0;
  db.transaction((tx) => {
    for (const number of DEMO_USER_MUNICIPALITIES) {
      const org = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, number)).get();
      if (!org) continue;
      const manager =
        tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(eq(users.email, `manager.${number}@demo.example`))
          .get() ?? null;
      const s3 = listApprovedValuesOf(tx, "S3", org.id);
      const first = s3[0];
      const startShare = first && first.denominator > 0 ? Math.round((first.numerator / first.denominator) * 1000) / 10 : 40;
      const firstYear = first?.year ?? 2021;

      // 1. Digital mail: measured by the reported S3 figures.
      const mail = insertProject(tx, {
        ownerOrganisationId: org.id,
        fields: {
          name: "Digital post med SvarUt",
          description: "Sende brev digitalt i stedet for på papir.",
          sector: "common",
          phase: "realization",
        },
        isDemo: true,
        now: options.now,
      });
      tx.update(projects)
        .set({
          benefitMap: JSON.stringify({
            deliverables: [{ key: "svarut", label: "SvarUt koblet til sak/arkiv" }],
            preconditions: [{ key: "rutine", label: "Ny rutine: digitalt som standard", from: ["svarut"] }],
            goals: [
              { key: "service", label: "Raskere svar til innbyggerne" },
              { key: "okonomi", label: "Lavere driftskostnader" },
            ],
          }),
        })
        .where(eq(projects.id, mail))
        .run();
      insertBenefit(tx, {
        projectId: mail,
        isDemo: true,
        now: options.now,
        input: {
          ...base,
          title: "Mer post sendes digitalt",
          ownerName: manager?.name ?? "Leder dokumentsenteret",
          ownerUserId: manager?.id ?? null,
          type: "quality",
          valuation: "unpriced",
          annualValueNok: null,
          cash: false,
          indicator: {
            name: "Andel digital post (S3)",
            unit: "%",
            direction: "higher",
            method: "Fra kommunens godkjente rapport (S3).",
            frequency: "yearly",
          },
          linkedIndicatorCode: "S3",
          baseline: { value: startShare, date: `${firstYear}-01-01` },
          targets: [
            { value: Math.min(100, startShare + 15), date: `${firstYear + 2}-12-31` },
            { value: Math.min(100, startShare + 30), date: `${firstYear + 5}-12-31` },
          ],
          preconditionKeys: ["rutine"],
          goalKeys: ["service"],
        },
      });
      const porto = insertBenefit(tx, {
        projectId: mail,
        isDemo: true,
        now: options.now,
        input: {
          ...base,
          title: "Lavere portokostnader",
          ownerName: manager?.name ?? "Økonomisjef",
          ownerUserId: manager?.id ?? null,
          type: "efficiency",
          valuation: "budgetOwn",
          annualValueNok: 400_000,
          cash: true,
          indicator: { name: "Porto per år", unit: "kr", direction: "lower", method: "Regnskapet, art 1130 porto.", frequency: "yearly" },
          baseline: { value: 800_000, date: "2023-01-01" },
          targets: [
            { value: 600_000, date: "2024-12-31" },
            { value: 400_000, date: "2026-12-31" },
          ],
          preconditionKeys: ["rutine"],
          goalKeys: ["okonomi"],
        },
      });
      for (const [date, value] of [
        ["2023-12-31", 720_000],
        ["2024-12-31", 610_000],
        ["2025-12-31", 520_000],
      ] as const) {
        insertMeasurement(tx, {
          benefitId: porto,
          value,
          date,
          comment: "Fra regnskapet (demo).",
          userId: manager?.id ?? 0,
          userName: manager?.name ?? "Demo",
          now: options.now,
        });
      }
      approveDemoPlan(tx, mail, "planning", manager?.name ?? "Demo leder", "2023-01-15", options.now);

      // 2. Welfare technology: measured by hand, quarterly, and behind (its next measurement is overdue).
      const welfare = insertProject(tx, {
        ownerOrganisationId: org.id,
        fields: {
          name: "Velferdsteknologi i hjemmetjenesten",
          description: "Digitalt tilsyn og medisindispensere.",
          sector: "helseVelferd",
          phase: "execution",
        },
        isDemo: true,
        now: options.now,
      });
      const visits = insertBenefit(tx, {
        projectId: welfare,
        isDemo: true,
        now: options.now,
        input: {
          ...base,
          title: "Færre unødvendige hjemmebesøk",
          ownerName: manager?.name ?? "Leder hjemmetjenesten",
          ownerUserId: manager?.id ?? null,
          type: "efficiency",
          valuation: "freedCapacity",
          annualValueNok: 1_200_000,
          cash: false,
          indicator: {
            name: "Hjemmebesøk per uke",
            unit: "besøk",
            direction: "lower",
            method: "Fagsystemets besøksstatistikk, snitt siste fire uker.",
            frequency: "quarterly",
          },
          baseline: { value: 420, date: "2024-09-01" },
          targets: [
            { value: 380, date: "2025-12-31" },
            { value: 340, date: "2026-12-31" },
          ],
        },
      });
      for (const [date, value] of [
        ["2024-12-31", 415],
        ["2025-03-31", 410],
      ] as const) {
        insertMeasurement(tx, {
          benefitId: visits,
          value,
          date,
          comment: null,
          userId: manager?.id ?? 0,
          userName: manager?.name ?? "Demo",
          now: options.now,
        });
      }
      const licences = insertBenefit(tx, {
        projectId: welfare,
        isDemo: true,
        now: options.now,
        input: {
          ...base,
          title: "Økte lisenskostnader (ulempe)",
          ownerName: manager?.name ?? "IKT-leder",
          ownerUserId: manager?.id ?? null,
          type: "efficiency",
          valuation: "budgetOwn",
          annualValueNok: 300_000,
          cash: true,
          disBenefit: true,
          indicator: {
            name: "Lisenskostnad per år",
            unit: "kr",
            direction: "lower",
            method: "Fakturaer fra leverandøren.",
            frequency: "yearly",
          },
          baseline: { value: 0, date: "2024-09-01" },
          targets: [{ value: 300_000, date: "2026-12-31" }],
        },
      });
      insertMeasurement(tx, {
        benefitId: licences,
        value: 240_000,
        date: "2025-08-31",
        comment: "Første års lisens.",
        userId: manager?.id ?? 0,
        userName: manager?.name ?? "Demo",
        now: options.now,
      });
      approveDemoPlan(tx, welfare, "execution", manager?.name ?? "Demo leder", "2024-09-15", options.now);
      created += 2;
    }
    // 3. A joint project: Oslo leads, Bergen and Stavanger take part.
    const owner = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, "0301")).get();
    const partners = ["4601", "1103"].flatMap((n) =>
      tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.number, n))
        .all()
        .map((o) => o.id),
    );
    if (owner) {
      const joint = insertProject(tx, {
        ownerOrganisationId: owner.id,
        fields: {
          name: "Felles innbyggerportal",
          description: "Én inngang til kommunenes digitale tjenester.",
          sector: "common",
          phase: "concept",
        },
        isDemo: true,
        now: options.now,
      });
      // Both have said yes: the demo shows a joint project as its partners see it.
      for (const organisationId of partners)
        setParticipation(tx, "project", { parentId: joint, organisationId, status: "accepted", byName: "Demo", at: options.now });
      created += 1;
    }
    // 4. Oslo's SvarUt project as a joint solution, adopted by a handful of municipalities (issue 26).
    created += seedDemoJointSolution(tx, options);
  });
  return created;
}

function approveDemoPlan(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  projectId: number,
  phase: "planning" | "execution",
  approvedByName: string,
  approvedOn: string,
  now: string,
) {
  const project = getProject(tx, projectId);
  if (!project) return;
  insertPlanVersion(tx, {
    projectId,
    phase,
    approvedByName,
    approvedOn,
    comment: "Demo: godkjent i styringsgruppen.",
    userId: null,
    now,
    content: benefitPlanContent(project, listBenefits(tx, [projectId]), phase),
  });
}
