import { DEMO_USER_MUNICIPALITIES } from "@malestokk/db";
import type { CostLine } from "@malestokk/domain";

import type { Caller, setupApi } from "../../test-helpers";

// What the cost report tests share: Stavanger's report input, a line, what a reader sees, and the
// steps that return, correct and approve a report.

export const NUMBER = "1103"; // Stavanger: demo users finance.1103 and manager.1103

export function input(over: Record<string, unknown> = {}) {
  return {
    municipalityNumber: NUMBER,
    year: 2024,
    expectedVersion: null as number | null,
    lines: [] as CostLine[],
    itUserAccounts: 12_000 as number | null,
    employeesFte: null,
    populationOverride: null,
    grossOperatingExpenditureOverride: null,
    warningComments: {} as Record<string, string>,
    ...over,
  };
}

export const line = (over: Partial<CostLine>): CostLine => ({
  service: "operations",
  costType: "ownStaff",
  systemId: null,
  amount: 1_000_000,
  comment: null,
  ...over,
});

export async function snapshot(caller: Caller) {
  return {
    report: await caller.costs.report({ municipalityNumber: NUMBER, year: 2024 }),
    series: await caller.benchmarks.series({ indicatorCode: "K1", municipalityNumber: NUMBER }),
  };
}

/** Returns Stavanger's approved demo report for 2024 to finance, as the admin, and gives its version. */
export async function returned(api: ReturnType<typeof setupApi>): Promise<number> {
  const view = await api.as(`manager.${NUMBER}@demo.example`).costs.report({ municipalityNumber: NUMBER, year: 2024 });
  const result = await api.as(`manager.${NUMBER}@demo.example`).costs.return({
    municipalityNumber: NUMBER,
    year: 2024,
    expectedVersion: view.report?.version ?? 0,
    comment: "Lisensene mangler",
  });
  return result.version;
}

/**
 * Corrects a municipality's approved report as its own people do (the admin, where the demo has
 * none): the manager returns it, finance saves each draft in turn (`afterSave` runs after each) and
 * then the last one with its warnings explained, and submits. Gives the submitted version.
 */
export async function submitCorrection(
  api: ReturnType<typeof setupApi>,
  number: string,
  drafts: readonly { lines: readonly CostLine[]; itUserAccounts: number | null }[],
  afterSave: () => Promise<unknown> = () => Promise.resolve(),
): Promise<number> {
  const hasPeople = DEMO_USER_MUNICIPALITIES.some((n) => n === number);
  const manager = api.as(hasPeople ? `manager.${number}@demo.example` : "admin@demo.example");
  const finance = api.as(hasPeople ? `finance.${number}@demo.example` : "admin@demo.example");
  const approved = await manager.costs.report({ municipalityNumber: number, year: 2024 });
  let { version } = await manager.costs.return({
    municipalityNumber: number,
    year: 2024,
    expectedVersion: approved.report?.version ?? 0,
    comment: "Rett tallene",
  });
  await afterSave();
  const save = async (content: (typeof drafts)[number], warningComments: Record<string, string> = {}) => {
    version = (
      await finance.costs.save({ ...input({ municipalityNumber: number, expectedVersion: version, ...content }), warningComments })
    ).version;
  };
  for (const draft of drafts) {
    await save(draft);
    await afterSave();
  }
  const last = drafts.at(-1);
  const { unexplained } = await finance.costs.report({ municipalityNumber: number, year: 2024 });
  if (last && unexplained.length > 0) await save(last, Object.fromEntries(unexplained.map((key) => [key, "Rettet etter ny telling"])));
  return (await finance.costs.submit({ municipalityNumber: number, year: 2024, expectedVersion: version })).version;
}

/** `submitCorrection`, and the manager (or the admin) approves. */
export async function approveCorrection(...args: Parameters<typeof submitCorrection>) {
  const [api, number] = args;
  const version = await submitCorrection(...args);
  const manager = api.as(DEMO_USER_MUNICIPALITIES.some((n) => n === number) ? `manager.${number}@demo.example` : "admin@demo.example");
  await manager.costs.approve({ municipalityNumber: number, year: 2024, expectedVersion: version });
}
