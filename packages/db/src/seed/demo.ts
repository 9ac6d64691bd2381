import {
  APPROXIMATE_KOSTRA_SOURCE,
  approximateKostraGroups,
  FIRST_REPORTING_YEAR,
  type CostType,
  type ItService,
  type SystemClass,
} from "@malestokk/domain";
import { and, asc, eq, isNull, like, sql, type Column } from "drizzle-orm";

import type { Db } from "../client";
import { bumpRegisterVersion } from "../queries/counters";
import { hasDemoData, recomputeIndicatorValues } from "../queries/indicators";
import { countOrganisations } from "../queries/organisations";
import { insertToolboxDocument, insertToolboxLink, listToolboxEntries } from "../queries/toolbox";
import { setPublicationDate } from "../queries/publication";
import {
  costLines,
  costReports,
  grossOperatingExpenditures,
  organisations,
  populations,
  projectParticipants,
  projects,
  reportingYears,
  systems,
} from "../schema/index";
import { seedDemoQuality } from "./demo-quality";
import { createRandom, hashString } from "./random";
import { areas2024 } from "./area-2024";
import { counties2024, municipalities2024, officialNames2024, writtenStandardOf } from "./register-2024";

export const DEMO_SEED = 20_240_101;
export const DEMO_FIRST_YEAR = FIRST_REPORTING_YEAR;
export const DEMO_LAST_YEAR = 2025;
const POPULATION_BASE_YEAR = 2025;

/**
 * The demo publishes every complete year (docs/open-data.md#demo): all but the last, which is still being
 * reported, each on 15 June of the year after, when SSB publishes the KOSTRA figures it adjusts.
 */
export function demoPublicationDate(year: number): string | null {
  return year < DEMO_LAST_YEAR ? `${year + 1}-06-15` : null;
}

export interface DemoSeedResult {
  readonly seeded: boolean;
  readonly municipalities: number;
  readonly costReports: number;
}

/**
 * The real reference data every installation needs, demo or not: the 2024 register (15 counties,
 * 357 municipalities) and the reporting years, plus approximate KOSTRA groups (size only, flagged
 * by their source) until the real ones are imported from KLASS. Runs only on an empty register.
 */
export function seedReferenceData(db: Db): boolean {
  if (countOrganisations(db) > 0) {
    fillMissingRegisterValues(db);
    return false;
  }
  db.transaction((tx) => {
    const years: number[] = [];
    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year += 1) years.push(year);
    tx.insert(reportingYears)
      .values(years.map((year) => ({ year, state: "open" as const, deadline: `${year + 1}-04-30` })))
      .onConflictDoNothing()
      .run();
    tx.insert(organisations)
      .values(counties2024.map((c) => ({ number: c.number, name: c.name, kind: "county" as const, countyNumber: c.number })))
      .run();
    const kostra = approximateKostraGroups(municipalities2024.map(([number, , population]) => ({ number, population })));
    tx.insert(organisations)
      .values(
        municipalities2024.map(([number, name, , altName]) => ({
          number,
          name,
          altName: altName ?? null,
          kind: "municipality" as const,
          countyNumber: number.slice(0, 2),
          kostraGroup: kostra.get(number)?.code ?? null,
          kostraGroupName: kostra.get(number)?.name ?? null,
          kostraGroupSource: APPROXIMATE_KOSTRA_SOURCE,
          areaKm2: areas2024[number] ?? null,
          writtenStandard: writtenStandardOf(number),
          officialNames: officialNames2024[number] ?? null,
        })),
      )
      .run();
  });
  return true;
}

type OrganisationValues = Partial<typeof organisations.$inferInsert>;

/**
 * Gives each listed municipality the values it lacks in `column`: databases made before a migration added the
 * column (approximate KOSTRA groups, areas 0020, written standards and official names 0021). One transaction;
 * the register's version moves when anything changed.
 */
function fillMissing(db: Db, column: Column, values: Iterable<readonly [number: string, values: OrganisationValues]>): void {
  db.transaction((tx) => {
    let filled = 0;
    for (const [number, set] of values)
      filled += tx
        .update(organisations)
        .set(set)
        .where(and(eq(organisations.number, number), eq(organisations.kind, "municipality"), isNull(column)))
        .run().changes;
    if (filled > 0) bumpRegisterVersion(tx);
  });
}

/** What the register gives every municipality that an older database may lack. */
function fillMissingRegisterValues(db: Db): void {
  const kostra = approximateKostraGroups(municipalities2024.map(([number, , population]) => ({ number, population })));
  fillMissing(
    db,
    organisations.kostraGroup,
    [...kostra].map(([number, group]) => [
      number,
      { kostraGroup: group.code, kostraGroupName: group.name, kostraGroupSource: APPROXIMATE_KOSTRA_SOURCE },
    ]),
  );
  fillMissing(
    db,
    organisations.areaKm2,
    Object.entries(areas2024).map(([number, areaKm2]) => [number, { areaKm2 }]),
  );
  fillMissing(
    db,
    organisations.writtenStandard,
    municipalities2024.flatMap(([number]) => {
      const writtenStandard = writtenStandardOf(number);
      return writtenStandard ? [[number, { writtenStandard }] as const] : [];
    }),
  );
  fillMissing(
    db,
    organisations.officialNames,
    Object.entries(officialNames2024).map(([number, officialNames]) => [number, { officialNames }]),
  );
}

/** Invented fagsystemer every demo municipality runs, one per class that licences are spread over. */
const DEMO_SYSTEMS = [
  { name: "Demo sak/arkiv", systemClass: "caseArchive" },
  { name: "Demo økonomi og lønn", systemClass: "financeHr" },
  { name: "Demo pasientjournal", systemClass: "healthCare" },
  { name: "Demo skoleadministrasjon", systemClass: "schoolChildhood" },
] as const satisfies readonly { name: string; systemClass: SystemClass }[];

/** Rough shares of a municipal IT budget per service, and within each service per cost type. */
const DEMO_SHARES: readonly { service: ItService; share: number; split: readonly [CostType, number][] }[] = [
  {
    service: "userSupport",
    share: 0.14,
    split: [
      ["ownStaff", 0.7],
      ["externalServices", 0.3],
    ],
  },
  {
    service: "operations",
    share: 0.36,
    split: [
      ["ownStaff", 0.35],
      ["licences", 0.45],
      ["externalServices", 0.2],
    ],
  },
  {
    service: "development",
    share: 0.1,
    split: [
      ["externalServices", 0.6],
      ["ownStaff", 0.4],
    ],
  },
  {
    service: "infrastructure",
    share: 0.3,
    split: [
      ["equipment", 0.55],
      ["externalServices", 0.3],
      ["licences", 0.15],
    ],
  },
  {
    service: "management",
    share: 0.1,
    split: [
      ["ownStaff", 0.85],
      ["other", 0.15],
    ],
  },
];
const LICENCE_SPREAD: readonly [SystemClass, number][] = [
  ["caseArchive", 0.25],
  ["financeHr", 0.2],
  ["healthCare", 0.3],
  ["schoolChildhood", 0.25],
];

/** Cost lines that add up to about `total`: the operations licences are tied to the demo fagsystemer. */
function demoLines(total: number, random: () => number, systemIds: ReadonlyMap<SystemClass, number>) {
  const weights = DEMO_SHARES.map((s) => s.share * (0.85 + random() * 0.3));
  const sum = weights.reduce((a, b) => a + b, 0);
  const lines: { service: ItService; costType: CostType; systemId: number | null; amount: number; comment: null }[] = [];
  DEMO_SHARES.forEach(({ service, split }, i) => {
    const serviceCost = (total * (weights[i] ?? 0)) / sum;
    for (const [costType, share] of split) {
      const amount = serviceCost * share;
      if (service === "operations" && costType === "licences") {
        for (const [systemClass, part] of LICENCE_SPREAD) {
          lines.push({ service, costType, systemId: systemIds.get(systemClass) ?? null, amount: Math.round(amount * part), comment: null });
        }
      } else lines.push({ service, costType, systemId: null, amount: Math.round(amount), comment: null });
    }
  });
  return lines;
}

/**
 * Fills a database that has the register but no figures with invented (clearly flagged) ones:
 * population trends around the real 2025 population, and IT cost of about 2–4 % of an operating
 * spend per inhabitant that is higher in small municipalities. Runs only when there are no figures.
 */
export function seedDemoData(db: Db, options: { now: string }): DemoSeedResult {
  seedReferenceData(db);
  const hasFigures = db.select({ x: populations.year }).from(populations).limit(1).all().length > 0;
  if (hasFigures) return { seeded: false, municipalities: 0, costReports: 0 };
  const { now } = options;
  let reports = 0;
  const ids = new Map(
    db
      .select({ id: organisations.id, number: organisations.number })
      .from(organisations)
      .all()
      .map((o) => [o.number, o.id] as const),
  );
  db.transaction((tx) => {
    const years: number[] = [];
    for (let year = DEMO_FIRST_YEAR; year <= DEMO_LAST_YEAR; year += 1) years.push(year);
    // About 57 000 lines: a prepared statement per row is the fastest way in.
    const insertLine = tx
      .insert(costLines)
      .values({
        reportId: sql.placeholder("reportId"),
        service: sql.placeholder("service"),
        costType: sql.placeholder("costType"),
        systemId: sql.placeholder("systemId"),
        amount: sql.placeholder("amount"),
        comment: sql.placeholder("comment"),
      })
      .prepare();
    for (const [number, , population2025] of municipalities2024) {
      const orgId = ids.get(number);
      if (orgId === undefined) continue;
      const org = { id: orgId };
      const random = createRandom(DEMO_SEED ^ hashString(number));
      const growth = -0.01 + random() * 0.025;
      // Smaller municipalities spend more per inhabitant (scale disadvantages).
      const smallness = Math.min(1, Math.max(0, (Math.log10(50_000) - Math.log10(population2025)) / 2));
      const operatingPerInhabitant = 95_000 + 45_000 * smallness;
      const itShare = 0.02 + random() * 0.02;
      const popRows = [];
      const spendRows = [];
      const costRows = [];
      const systemIds = new Map(
        tx
          .insert(systems)
          .values(
            DEMO_SYSTEMS.map(({ name, systemClass }) => ({
              organisationId: org.id,
              name,
              vendor: "Demo",
              systemClass,
              svarUt: systemClass === "caseArchive",
              updatedAt: now,
            })),
          )
          .returning({ id: systems.id, systemClass: systems.systemClass })
          .all()
          .map((r) => [r.systemClass, r.id] as const),
      );
      for (const year of years) {
        const population = Math.round(population2025 * (1 + growth) ** (year - POPULATION_BASE_YEAR));
        popRows.push({ organisationId: org.id, year, value: population, source: "demo", isDemo: true, updatedAt: now });
        const spendLevel = 1.035 ** (year - POPULATION_BASE_YEAR);
        // Gross operating expenditure in NOK 1000, as KOSTRA publishes it.
        spendRows.push({
          organisationId: org.id,
          year,
          value: Math.round((population * operatingPerInhabitant * spendLevel) / 1000),
          source: "demo",
          isDemo: true,
          updatedAt: now,
        });
        // About 2 % of municipality-years have not reported: missing stays missing.
        if (random() < 0.02) continue;
        const priceLevel = 1.035 ** (year - POPULATION_BASE_YEAR);
        const noise = 0.92 + random() * 0.16;
        const total = Math.round(population * operatingPerInhabitant * itShare * priceLevel * noise);
        const lines = demoLines(total, random, systemIds);
        const itUserAccounts = Math.round(population * (0.09 + random() * 0.04));
        costRows.push({
          report: {
            organisationId: org.id,
            year,
            totalItCost: lines.reduce((sum, l) => sum + l.amount, 0),
            itUserAccounts,
            status: "approved" as const,
            approvedAt: now,
            approvedItUserAccounts: itUserAccounts,
            source: "demo" as const,
            isDemo: true,
            updatedAt: now,
          },
          lines,
        });
      }
      tx.insert(populations).values(popRows).run();
      tx.insert(grossOperatingExpenditures).values(spendRows).run();
      if (costRows.length > 0) {
        const ids = tx
          .insert(costReports)
          .values(costRows.map((r) => r.report))
          .returning({ id: costReports.id })
          .all();
        costRows.forEach(({ lines }, i) => {
          for (const l of lines) insertLine.run({ ...l, reportId: ids[i]?.id ?? 0 });
        });
      }
      reports += costRows.length;
    }
    seedDemoQuality(tx, {
      now,
      years,
      units: municipalities2024.flatMap(([number, , population]) => {
        const id = ids.get(number);
        return id === undefined ? [] : [{ id, number, population }];
      }),
    });
    bumpRegisterVersion(tx);
    recomputeIndicatorValues(tx, { scope: null, now });
    for (const year of years) setPublicationDate(tx, year, demoPublicationDate(year));
  });
  return { seeded: true, municipalities: municipalities2024.length, costReports: reports };
}

/** A one-page PDF with a few lines of Helvetica text: a real document for the demo's toolbox, the same bytes every time. */
export function demoPdf(lines: readonly string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, "?");
  const stream = ["BT", "/F1 14 Tf", "72 770 Td", "18 TL", ...lines.map((line) => `(${escape(line)}) '`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, index) => {
    const at = pdf.length;
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/**
 * The toolbox of the demo's SvarUt project (issue 26): the joint one when there is one, else the first;
 * a few links and one small PDF, flagged as demo. Only once, on a demo database.
 */
export function seedDemoToolbox(db: Db, options: { now: string }): number {
  if (!hasDemoData(db)) return 0;
  const candidates = db
    .select({
      id: projects.id,
      joint: sql<number>`exists (select 1 from ${projectParticipants} where ${projectParticipants.projectId} = ${projects.id} and ${projectParticipants.status} = 'accepted')`,
    })
    .from(projects)
    .where(and(eq(projects.isDemo, true), like(projects.name, "%SvarUt%")))
    .orderBy(asc(projects.id))
    .all();
  const project = candidates.find((p) => p.joint === 1) ?? candidates[0];
  if (!project || listToolboxEntries(db, project.id).length > 0) return 0;
  const by = { userId: null, userName: "Sekretariatet (demo)", now: options.now, isDemo: true };
  const links = [
    { title: "SvarUt: om tjenesten", url: "https://www.ks.no/fagomrader/digitalisering/felleslosninger/svarut/" },
    { title: "Brukerreiser: brev fra kommunen til innbyggeren", url: "https://www.digdir.no/" },
    { title: "Veileder for gevinstrealisering", url: "https://www.digdir.no/gevinstrealisering/" },
  ];
  db.transaction((tx) => {
    for (const link of links) insertToolboxLink(tx, project.id, link, by);
    insertToolboxDocument(
      tx,
      project.id,
      {
        title: "Kravspesifikasjon (demo)",
        fileName: "Kravspesifikasjon SvarUt (demo).pdf",
        documentType: "pdf",
        content: demoPdf([
          "Kravspesifikasjon for SvarUt (demo)",
          "Oppfunnet innhold i demodatabasen til Malestokk.",
          "1. Sak/arkiv sender brev digitalt gjennom SvarUt.",
          "2. Brev som ikke kan leveres digitalt, skrives ut sentralt.",
        ]),
      },
      by,
    );
  });
  return links.length + 1;
}
