import { and, eq } from "drizzle-orm";
import type { LocalBenefit, TemplateBenefit, UnitValue } from "@malestokk/domain";

import type { DbOrTx } from "../client";
import { listApprovedValuesOf } from "../queries/benefits";
import { getTemplateDraft, insertLocalPlan, insertTemplateVersion, saveTemplateDraft } from "../queries/joint-solutions";
import { localPlans, organisations, projects } from "../schema/index";

/**
 * The demo's joint solution (issue 26): Oslo's SvarUt project gets a template plan, and a handful of
 * municipalities have adopted it in different years, with local plans measured from their S3 figures.
 * Invented prices, labelled as demo. Deterministic; fills only what is missing, so an older demo
 * database gets it too.
 */

const DEMO_SOURCE = "Demo: oppdiktet papirpris (porto, trykk, konvolutt) − SvarUt-pris";
const price = (fromYear: number, valueNok: number, date: string): UnitValue => ({
  fromYear,
  valueNok,
  date,
  source: `${DEMO_SOURCE} ${fromYear}`,
});

const porto = (unitValues: UnitValue[]): TemplateBenefit => ({
  key: "porto",
  title: "Spart porto og papir",
  description: "Hver forsendelse som går digitalt i stedet for på papir, sparer forskjellen i pris.",
  type: "efficiency",
  valuation: "budgetOwn",
  cash: true,
  valueMethod: "volume",
  indicator: {
    name: "Digitale forsendelser per år",
    unit: "forsendelser",
    direction: "higher",
    method: "Telleren i S3 fra kommunens godkjente rapport.",
    frequency: "yearly",
  },
  linkedIndicatorCode: "S3",
  suggestedTargets: [
    { afterYears: 2, value: 30_000 },
    { afterYears: 4, value: 60_000 },
  ],
  annualValueNok: null,
  unitValues,
});

const capacity: TemplateBenefit = {
  key: "saksbehandling",
  title: "Kortere og sporbar saksbehandling",
  description: "Mindre tid til utsending og oppfølging av papirpost i dokumentsenteret.",
  type: "quality",
  valuation: "freedCapacity",
  cash: false,
  valueMethod: "share",
  indicator: {
    name: "Andel digital post (S3)",
    unit: "%",
    direction: "higher",
    method: "S3 fra kommunens godkjente rapport.",
    frequency: "yearly",
  },
  linkedIndicatorCode: "S3",
  suggestedTargets: [
    { afterYears: 2, value: 70 },
    { afterYears: 4, value: 85 },
  ],
  annualValueNok: 400_000,
  unitValues: [],
};

const V1 = [porto([price(2015, 8, "2015-01-05"), price(2018, 9.5, "2018-01-08"), price(2021, 11, "2021-01-04")])];
const V2 = [
  porto([price(2015, 8, "2015-01-05"), price(2018, 9.5, "2018-01-08"), price(2021, 11, "2021-01-04"), price(2024, 14, "2024-01-08")]),
  capacity,
];

/** Who adopted, when, and which template version its plan follows (some have not accepted the newer one). */
const ADOPTERS = [
  { number: "0301", year: 2022, version: 2 },
  { number: "3201", year: 2022, version: 1 },
  { number: "5001", year: 2023, version: 2 },
  { number: "4204", year: 2024, version: 1 },
  { number: "1103", year: 2025, version: 2 },
] as const;

function localBenefits(tx: DbOrTx, organisationId: number, year: number, template: readonly TemplateBenefit[], ownerName: string) {
  const s3 = listApprovedValuesOf(tx, "S3", organisationId).filter((r) => r.year < year && r.denominator > 0);
  const before = s3.at(-1);
  return template.map((t): LocalBenefit => {
    const volume = t.valueMethod === "volume";
    const base = before ? (volume ? before.numerator : Math.round((before.numerator / before.denominator) * 1000) / 10) : 0;
    const date = before ? `${before.year}-12-31` : `${year - 1}-12-31`;
    return {
      key: t.key,
      ownerName,
      ownerUserId: null,
      baseline: { value: base, date },
      targets: volume
        ? [
            { value: Math.round(base * 1.3), date: `${year + 2}-12-31` },
            { value: Math.round(base * 1.6), date: `${year + 4}-12-31` },
          ]
        : [
            { value: Math.min(100, Math.round(base + 15)), date: `${year + 2}-12-31` },
            { value: Math.min(100, Math.round(base + 30)), date: `${year + 4}-12-31` },
          ],
    };
  });
}

/** Returns the number of local plans created (0 when the demo has no such project, or it is there already). */
export function seedDemoJointSolution(tx: DbOrTx, options: { now: string }): number {
  const oslo = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, "0301")).get();
  if (!oslo) return 0;
  const project = tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.ownerOrganisationId, oslo.id), eq(projects.name, "Digital post med SvarUt"), eq(projects.isDemo, true)))
    .get();
  if (!project || getTemplateDraft(tx, project.id)) return 0;
  saveTemplateDraft(tx, { projectId: project.id, expectedVersion: null, content: { benefits: V1 }, now: "2021-11-15T10:00:00.000Z" });
  insertTemplateVersion(tx, {
    projectId: project.id,
    content: { benefits: V1 },
    byName: "Demo sekretariatet",
    userId: null,
    comment: "Demo: første forslag.",
    now: "2021-11-15T10:00:00.000Z",
  });
  saveTemplateDraft(tx, { projectId: project.id, expectedVersion: 1, content: { benefits: V2 }, now: "2024-01-20T10:00:00.000Z" });
  insertTemplateVersion(tx, {
    projectId: project.id,
    content: { benefits: V2 },
    byName: "Demo sekretariatet",
    userId: null,
    comment: "Demo: nye priser og saksbehandling.",
    now: "2024-01-20T10:00:00.000Z",
  });
  let created = 0;
  for (const adopter of ADOPTERS) {
    const org = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.number, adopter.number)).get();
    if (!org) continue;
    const template = adopter.version === 1 ? V1 : V2;
    const content = {
      templateVersion: adopter.version,
      inUseFrom: `${adopter.year}-01-01`,
      benefits: localBenefits(tx, org.id, adopter.year, template, "Leder dokumentsenteret"),
    };
    const id = insertLocalPlan(tx, {
      projectId: project.id,
      organisationId: org.id,
      content,
      byName: "Demo leder",
      isDemo: true,
      now: `${adopter.year}-02-01T09:00:00.000Z`,
    });
    tx.update(localPlans)
      .set({
        approvedContent: JSON.stringify(content),
        approvedByName: "Demo leder",
        approvedAt: `${adopter.year}-02-15T09:00:00.000Z`,
        createdAt: options.now,
      })
      .where(eq(localPlans.id, id))
      .run();
    created += 1;
  }
  return created;
}
