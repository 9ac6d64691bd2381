/**
 * A small JSON-stat 2.0 dataset in the exact shape of SSB's table 07459 (statistics bank,
 * PxWebApi v0): 2022 with the 2020–2023 numbers and K- prefixes, non-municipal regions, the
 * Ålesund unit that was split in 2024, and a status symbol. Figures are illustrative.
 */
export function populationFixture2022(): string {
  const regions: [string, string, number | null][] = [
    ["K-0301", "Oslo", 699827],
    ["K-3001", "Halden", 31444],
    ["K-3024", "Bærum", 128233],
    ["K-5401", "Tromsø", 77544],
    ["K-1507", "Ålesund", 67114],
    ["K-4601", "Bergen", 286930],
    ["K-9998", "Ukjent", null],
    ["K-21-22", "Svalbard og Jan Mayen", 2573],
    ["K-23", "Kontinentalsokkelen", 0],
    ["K-Rest", "Delte kommuner og uoppgitt", 12],
  ];
  return JSON.stringify({
    version: "2.0",
    class: "dataset",
    label: "07459: Befolkning, etter region, statistikkvariabel og år",
    source: "Statistisk sentralbyrå",
    updated: "2022-02-24T07:00:00Z",
    id: ["Region", "ContentsCode", "Tid"],
    size: [regions.length, 1, 1],
    dimension: {
      Region: {
        label: "region",
        category: {
          index: Object.fromEntries(regions.map(([code], i) => [code, i])),
          label: Object.fromEntries(regions.map(([code, label]) => [code, label])),
        },
      },
      ContentsCode: {
        label: "statistikkvariabel",
        category: { index: { Personer1: 0 }, label: { Personer1: "Personer" }, unit: { Personer1: { base: "personer", decimals: 0 } } },
      },
      Tid: { label: "år", category: { index: { "2022": 0 }, label: { "2022": "2022" } } },
    },
    value: regions.map(([, , v]) => v),
    status: { "6": ".." },
    role: { time: ["Tid"], metric: ["ContentsCode"], geo: ["Region"] },
    extension: { px: { infofile: "None", tableid: "07459", decimals: 0 } },
  });
}
