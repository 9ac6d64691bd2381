import { COST_TYPE_NAMES, IT_SERVICE_NAMES, type CostType, type ItService } from "./catalogue";
import { TEMPLATE_HEADERS, type CostFileLine } from "./cost-file";

/** Example lines for the template, one per IT service, with plausible amounts for a mid-sized municipality. */
const TEMPLATE_EXAMPLES: readonly (readonly [ItService, CostType, number])[] = [
  ["userSupport", "ownStaff", 1_250_000],
  ["operations", "externalServices", 2_400_000],
  ["development", "licences", 800_000],
  ["infrastructure", "equipment", 950_000],
  ["management", "ownStaff", 600_000],
];

/**
 * The downloadable template: our header names in the chosen language and one example row per IT
 * service, with amounts as plain digits and fagsystem and comment left empty. It parses back into
 * valid lines (see the tests).
 */
export function costFileTemplate(language: "nb" | "en"): string[][] {
  return [
    [...TEMPLATE_HEADERS[language]],
    ...TEMPLATE_EXAMPLES.map(([service, costType, amount]) => [
      IT_SERVICE_NAMES[service][language],
      COST_TYPE_NAMES[costType][language],
      String(amount),
      "",
      "",
    ]),
  ];
}

/**
 * A report's lines in the template's shape (header row first), for export: a file exported
 * from Målestokk imports back unchanged. Fagsystemer are written by name.
 */
export function costFileRows(
  lines: readonly Pick<CostFileLine, "service" | "costType" | "amount" | "systemId" | "comment">[],
  systems: readonly { readonly id: number; readonly name: string }[],
  language: "nb" | "en",
): (string | number)[][] {
  const names = new Map(systems.map((s) => [s.id, s.name]));
  return [
    [...TEMPLATE_HEADERS[language]],
    ...lines.map((l) => [
      IT_SERVICE_NAMES[l.service][language],
      COST_TYPE_NAMES[l.costType][language],
      l.amount,
      l.systemId === null ? "" : (names.get(l.systemId) ?? ""),
      l.comment ?? "",
    ]),
  ];
}
