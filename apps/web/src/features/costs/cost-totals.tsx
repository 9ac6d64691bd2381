import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { COST_TYPE_NAMES, COST_TYPES, costTotals, IT_SERVICE_NAMES, IT_SERVICES, type CostLine, type SystemClass } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatNok } from "../../lib/format";
import type { SystemOption } from "./cost-lines";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const percent = new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 1 });

/** In a `DataTable`, so that a narrow screen scrolls the table inside its frame, not the page. */
function TotalsTable({ caption, rows, total }: { caption: string; rows: readonly { name: string; amount: number }[]; total: number }) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={caption}
      size="sm"
      className="totals-table"
      rows={rows}
      rowKey={(r) => r.name}
      columns={[
        { key: "name", header: t("costReport.totals.name") },
        { key: "amount", header: t("costReport.totals.amount"), numeric: true, render: (r) => formatNok(r.amount) },
        {
          key: "share",
          header: t("costReport.totals.share"),
          numeric: true,
          render: (r) => (total > 0 ? percent.format(r.amount / total) : "–"),
        },
      ]}
    />
  );
}

/** Totals per service, cost type and fagsystem, recomputed from the lines as they are typed. */
export function CostTotalsView(props: {
  lines: readonly CostLine[];
  systems: readonly SystemOption[];
  classOfSystem: ReadonlyMap<number, SystemClass>;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const totals = costTotals(props.lines, props.classOfSystem);
  const systemNames = new Map(props.systems.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="totals-heading" className="stack">
      <Heading level={2} data-size="sm" id="totals-heading">
        {t("costReport.totals.title")}
      </Heading>
      <Paragraph data-testid="report-total" aria-live="polite">
        {t("costReport.totals.total", { value: formatNok(totals.total) })}
      </Paragraph>
      <div className="totals-grid">
        <TotalsTable
          caption={t("costReport.totals.byService")}
          total={totals.total}
          rows={IT_SERVICES.map((s) => ({ name: localized(IT_SERVICE_NAMES[s], lang), amount: totals.byService[s] }))}
        />
        <TotalsTable
          caption={t("costReport.totals.byCostType")}
          total={totals.total}
          rows={COST_TYPES.map((c) => ({ name: localized(COST_TYPE_NAMES[c], lang), amount: totals.byCostType[c] }))}
        />
        {totals.bySystem.size > 0 && (
          <TotalsTable
            caption={t("costReport.totals.bySystem")}
            total={totals.total}
            rows={[...totals.bySystem].map(([id, amount]) => ({ name: systemNames.get(id) ?? String(id), amount }))}
          />
        )}
      </div>
    </section>
  );
}
