import { Button, Checkbox, Fieldset, Heading, Paragraph } from "@digdir/designsystemet-react";
import { aboutSheet, INDICATORS, writeXlsx, XLSX_MIME_TYPE, type Dimension } from "@malestokk/domain";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { exportFacts, yearSpan } from "../../components/export-about";
import { downloadFile } from "../../components/download";
import { useExportTexts } from "../../components/export-texts";
import { formatIndicatorValue } from "../../components/indicator-format";
import { MunicipalityPicker } from "../../components/municipality-picker";
import { allOf, QueryView } from "../../components/query-view";
import { PeerGroupSelect, YearSelect } from "../../components/selection-controls";
import { reportStatusLabel } from "../../components/report-workflow/status";
import { sheetName } from "../../components/sheet-names";
import { useHasDemoData } from "../../lib/demo";
import { useMe } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";
import { useCompare, useCompareReference } from "./api";
import { CompareChart } from "./compare-chart";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const MAX_UNITS = 10;
const DEFAULT_CODES = "K1,K2,K3,K6,Q1,S1,S3";
const CODES = INDICATORS.map((i) => i.code) as string[];
const DIMENSIONS: readonly Dimension[] = ["cost", "quality", "scope"];

const parseList = (pattern: RegExp) => (raw: string) => (raw.split(",").every((x) => pattern.test(x)) ? raw : null);

/**
 * Head to head: up to ten municipalities side by side on chosen indicators, with a chart of one of
 * them against the first municipality's group median and the national figure; the choice is in the
 * URL, and without one the signed-in user's own municipality is chosen (issue 20).
 */
export function CompareUnits() {
  useExportTexts();
  const { t } = useTranslation();
  const lang = useLanguage();
  const trpc = useTRPC();
  const demo = useHasDemoData();
  const municipalities = useQuery(trpc.municipalities.list.queryOptions());
  const years = useQuery(trpc.years.list.queryOptions());
  const sets = useQuery(trpc.peers.sets.queryOptions());
  const [unitsText] = useUrlState<string>("kommuner", "", parseList(/^\d{4}$/));
  const [peers] = useUrlState<string>("peers", "", (raw) => (/^set-\d+$/.test(raw) ? raw : null));
  const [, setParams] = useSearchParams();
  const [codesText, setCodes] = useUrlState<string>("indikatorer", DEFAULT_CODES, (raw) =>
    raw.split(",").every((c) => CODES.includes(c)) ? raw : null,
  );
  const [yearText, setYear] = useUrlState<string>("year", "", (raw) => (/^\d{4}$/.test(raw) ? raw : null));
  // Chosen municipalities win; without them a saved peer set in the address (`peers=set-12`) gives its members.
  const chosenSet = peers === "" ? null : (sets.data?.find((s) => `set-${s.id}` === peers) ?? null);
  const numbers = unitsText !== "" ? unitsText.split(",") : (chosenSet?.members.map((m) => m.number).slice(0, MAX_UNITS) ?? []);
  // One change of the address, so the chosen municipalities and the set never both stand in it.
  const choose = (next: { units: readonly string[] } | { peers: string }) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        copy.delete("kommuner");
        copy.delete("peers");
        if ("units" in next && next.units.length > 0) copy.set("kommuner", next.units.join(","));
        if ("peers" in next && next.peers !== "") copy.set("peers", next.peers);
        return copy;
      },
      { replace: true },
    );
  const codes = codesText === "" ? [] : codesText.split(",");
  const year = yearText === "" ? years.data?.at(-1)?.year : Number(yearText);
  const query = useCompare({ numbers, codes: codes as (typeof INDICATORS)[number]["code"][] });
  const [chartText, setChartCode] = useUrlState<string>("diagram", "", (raw) => (CODES.includes(raw) ? raw : null));
  const chartCode = codes.includes(chartText) ? chartText : codes[0];
  const reference = useCompareReference({
    municipalityNumber: numbers[0],
    year,
    ...(chosenSet && unitsText === "" ? { peerSetId: chosenSet.id } : {}),
  });
  // The own municipality is chosen once, when the address chooses nothing; removing it later leaves the choice empty.
  const me = useMe();
  const own = me.data?.grants.map((g) => g.organisationNumber).find((n) => n !== null && municipalities.data?.some((m) => m.number === n));
  const preselected = useRef(false);
  useEffect(() => {
    if (preselected.current || !municipalities.isSuccess || me.isPending) return;
    preselected.current = true;
    if (unitsText === "" && peers === "" && own) choose({ units: [own] });
  });
  const name = (code: string) => localized(INDICATORS.find((i) => i.code === code)?.name, lang) ?? code;
  const noteOf = (v: { status: string; isUnderCorrection: boolean }) =>
    v.isUnderCorrection ? t("costs.underCorrection") : v.status === "approved" ? "" : t("costs.draft");
  const valueOf = (code: string, number: string, y: number) =>
    query.data?.values.find((v) => v.code === code && v.number === number && v.year === y) ?? null;

  const exportAll = () => {
    if (!query.data) return;
    const header = [
      t("compare.unit"),
      t("compare.number"),
      t("compare.indicator"),
      t("profile.year"),
      t("compare.value"),
      t("compare.status"),
    ];
    const rows = query.data.values.map((v) => {
      const unit = query.data?.units.find((u) => u.number === v.number);
      return [unit?.name ?? v.number, v.number, name(v.code), v.year, Math.round(v.value * 100) / 100, reportStatusLabel(t, v.status)];
    });
    const about = {
      year: yearSpan([...new Set(query.data.values.map((v) => v.year))].sort()),
      group: { name: t("exports.about.chosen"), members: query.data.units.map((u) => u.name) },
      sourceIndicators: codes,
    };
    const facts = exportFacts(t, {
      title: t("compare.title"),
      about,
      language: lang,
      demo,
      now: new Date(),
      address: window.location.href,
    });
    const sheets = [aboutSheet(sheetName(t, "about"), facts), { name: sheetName(t, "compare"), rows: [header, ...rows], headerRows: 1 }];
    downloadFile("sammenligning.xlsx", writeXlsx(sheets), XLSX_MIME_TYPE);
  };

  if (!municipalities.isSuccess || !years.isSuccess || (peers !== "" && sets.isPending))
    return <QueryView query={allOf([municipalities, years, sets])} />;
  return (
    <div className="stack">
      <Paragraph>{t("compare.intro", { max: MAX_UNITS })}</Paragraph>
      <div className="field-row no-print">
        <MunicipalityPicker
          id="compare-add"
          label={t("compare.add")}
          buttonLabel={t("compare.addButton")}
          options={(municipalities.data ?? []).filter((m) => !numbers.includes(m.number))}
          disabled={numbers.length >= MAX_UNITS}
          onPick={(number) => choose({ units: [...numbers, number] })}
        />
        <PeerGroupSelect
          id="compare-peers"
          kinds={[]}
          empty={t("compare.chosenOnly")}
          value={unitsText === "" ? peers : ""}
          onChange={(value) => choose({ peers: value })}
        />
        <YearSelect id="compare-year" years={(years.data ?? []).map((y) => y.year)} value={year} onChange={setYear} />
      </div>
      {numbers.length >= MAX_UNITS && <Paragraph data-size="sm">{t("compare.full", { max: MAX_UNITS })}</Paragraph>}
      {numbers.length > 0 && (
        <ul className="chip-list" aria-label={t("compare.chosen")}>
          {numbers.map((n) => {
            const m = municipalities.data?.find((x) => x.number === n);
            return (
              <li key={n}>
                {m?.name ?? n}{" "}
                <Button variant="tertiary" data-size="sm" onClick={() => choose({ units: numbers.filter((x) => x !== n) })}>
                  {t("compare.remove", { name: m?.name ?? n })}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <details className="no-print">
        <summary>{t("compare.indicators", { count: codes.length })}</summary>
        {DIMENSIONS.map((d) => (
          <Fieldset key={d}>
            <Fieldset.Legend>{t(`profile.dimensions.${d}`)}</Fieldset.Legend>
            {INDICATORS.filter((i) => i.dimension === d).map((i) => (
              <Checkbox
                key={i.code}
                label={localized(i.name, lang)}
                checked={codes.includes(i.code)}
                onChange={(e) => setCodes((e.target.checked ? [...codes, i.code] : codes.filter((c) => c !== i.code)).join(","))}
              />
            ))}
          </Fieldset>
        ))}
      </details>
      {numbers.length === 0 ? (
        <EmptyState>{t("compare.empty")}</EmptyState>
      ) : !query.isSuccess ? (
        <QueryView query={query} />
      ) : (
        <div className="compare-layout">
          <section aria-labelledby="compare-heading" className="stack">
            <Heading level={2} data-size="sm" id="compare-heading">
              {t("compare.tableTitle", { year })}
            </Heading>
            <DataTable
              caption={t("compare.tableTitle", { year })}
              captionHidden
              size="sm"
              testId="compare-table"
              rows={query.data.codes}
              rowKey={(code) => code}
              columns={[
                { key: "indicator", header: t("compare.indicator"), render: (code) => name(code) },
                ...query.data.units.map((u) => ({
                  key: `unit-${u.number}`,
                  header: u.name,
                  numeric: true,
                  render: (code: string) => {
                    const v = year === undefined ? null : valueOf(code, u.number, year);
                    if (v === null) return t("profile.missing");
                    const note = noteOf(v);
                    return `${formatIndicatorValue(code, v.value)}${note === "" ? "" : ` (${note})`}`;
                  },
                })),
              ]}
            />
            <div className="button-row no-print">
              <Button variant="secondary" data-size="sm" onClick={exportAll}>
                {t("compare.exportAll")}
              </Button>
            </div>
          </section>
          {chartCode !== undefined && year !== undefined && (
            <CompareChart
              code={chartCode}
              codes={query.data.codes}
              onCode={setChartCode}
              year={year}
              data={query.data}
              reference={reference.data}
              note={noteOf}
            />
          )}
        </div>
      )}
    </div>
  );
}
