import { Field, Heading, Label, Paragraph, Select, Textfield } from "@digdir/designsystemet-react";
import { ALLOCATION_KEYS, type AllocationKey } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatInteger, formatNok } from "../../lib/format";
import { statusLabel, type ReportView } from "./report-view";
import { readPercent, type ReportDraft } from "./report-draft";

const percent = new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 2 });

/**
 * For an IT cooperative: how its costs are divided between the members, and what each gets.
 * For a member: what its cooperatives allocate to it (counted once the cooperative's report is approved).
 */
export function AllocationSection(props: {
  view: ReportView;
  draft: ReportDraft;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (draft: ReportDraft) => void;
}) {
  const { t } = useTranslation();
  const { view, draft } = props;
  const stored = view.allocations[0];
  if (view.kind === "municipality") {
    if (view.allocations.length === 0) return null;
    return (
      <section aria-labelledby="allocated-heading" className="stack" data-testid="allocated-from">
        <Heading level={2} data-size="sm" id="allocated-heading">
          {t("costReport.allocation.fromTitle")}
        </Heading>
        <Paragraph data-size="sm">{t("costReport.allocation.fromIntro")}</Paragraph>
        <ul>
          {view.allocations.map((a) => {
            const own = a.members[0];
            return (
              <li key={a.cooperativeNumber}>
                {a.withheld
                  ? t("costReport.allocation.fromWithheld", {
                      name: a.cooperativeName,
                      status: statusLabel(t, a.status).toLocaleLowerCase(),
                    })
                  : own && a.complete && a.key
                    ? t("costReport.allocation.fromLine", {
                        name: a.cooperativeName,
                        amount: formatNok(own.total),
                        share: percent.format(own.share ?? 0),
                        key: t(`costReport.allocation.keys.${a.key}`).toLocaleLowerCase(),
                        status: statusLabel(t, a.status).toLocaleLowerCase(),
                      })
                    : t("costReport.allocation.fromIncomplete", { name: a.cooperativeName })}
              </li>
            );
          })}
        </ul>
      </section>
    );
  }
  const members = stored?.members ?? [];
  const sharesTotal = Object.values(draft.shares).reduce((sum, text) => sum + (readPercent(text === "" ? "0" : text) ?? 0), 0);
  return (
    <section aria-labelledby="allocation-heading" className="stack" data-testid="allocation">
      <Heading level={2} data-size="sm" id="allocation-heading">
        {t("costReport.allocation.title")}
      </Heading>
      <Paragraph data-size="sm">{t("costReport.allocation.intro")}</Paragraph>
      {props.editable ? (
        <Field>
          <Label htmlFor="allocation-key">{t("costReport.allocation.key")}</Label>
          <Select
            id="allocation-key"
            value={draft.allocationKey}
            onChange={(e) => props.onChange({ ...draft, allocationKey: e.target.value as AllocationKey | "" })}
          >
            <Select.Option value="">{t("costReport.allocation.noKey")}</Select.Option>
            {ALLOCATION_KEYS.map((k) => (
              <Select.Option key={k} value={k}>
                {t(`costReport.allocation.keys.${k}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      ) : (
        <Paragraph>
          {draft.allocationKey === "" ? t("costReport.allocation.noKey") : t(`costReport.allocation.keys.${draft.allocationKey}`)}
        </Paragraph>
      )}
      {props.editable && draft.allocationKey === "fixedShares" && (
        <fieldset className="override-field">
          <legend className="ds-label">{t("costReport.allocation.shares")}</legend>
          {view.members.map((m) => (
            <Textfield
              key={m.number}
              id={`share-${m.number}`}
              label={t("costReport.allocation.shareOf", { name: m.name })}
              inputMode="decimal"
              value={draft.shares[m.number] ?? ""}
              error={props.errors.get(`share-${m.number}`)}
              onChange={(e) => props.onChange({ ...draft, shares: { ...draft.shares, [m.number]: e.target.value } })}
            />
          ))}
          <Paragraph data-size="sm" data-testid="shares-total">
            {t("costReport.allocation.sharesTotal", { total: percent.format(sharesTotal / 10_000) })}
          </Paragraph>
        </fieldset>
      )}
      {stored && !stored.complete && (
        <Paragraph data-testid="allocation-incomplete">
          {stored.missing.length > 0
            ? t("costReport.allocation.missing", { numbers: stored.missing.join(", ") })
            : t("costReport.allocation.notFull")}
        </Paragraph>
      )}
      {members.length > 0 && (
        <DataTable
          caption={t("costReport.allocation.caption")}
          size="sm"
          testId="allocation-members"
          rows={members}
          rowKey={(m) => m.number}
          rowHeader={false}
          columns={[
            { key: "member", header: t("costReport.allocation.member"), render: (m) => `${m.name} (${m.number})` },
            {
              key: "basis",
              header: t("costReport.allocation.basis.title"),
              render: (m) => t(`costReport.allocation.basis.${m.basis ?? "missing"}`),
            },
            {
              key: "population",
              header: t("costReport.volumes.population"),
              numeric: true,
              render: (m) => (m.population === null ? "–" : formatInteger(m.population)),
            },
            {
              key: "itUserAccounts",
              header: t("costReport.volumes.itUserAccounts"),
              numeric: true,
              render: (m) => (m.itUserAccounts === null ? "–" : formatInteger(m.itUserAccounts)),
            },
            {
              key: "share",
              header: t("costReport.allocation.share"),
              numeric: true,
              render: (m) => (m.share === null ? "–" : percent.format(m.share)),
            },
            { key: "amount", header: t("costReport.allocation.amount"), numeric: true, render: (m) => formatNok(m.total) },
          ]}
        />
      )}
    </section>
  );
}
