import { Checkbox, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { formatInteger, formatTypedNumber } from "../../lib/format";
import type { ReportView } from "./report-view";
import type { OverrideDraft, ReportDraft } from "./report-draft";

type Published = { value: number; source: string; isDemo: boolean } | null;

function sourceText(t: (key: string) => string, published: NonNullable<Published>): string {
  return published.isDemo ? t("costs.source.demo") : published.source;
}

function OverrideField(props: {
  name: "population" | "grossOperatingExpenditure";
  published: Published;
  value: OverrideDraft;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (value: OverrideDraft) => void;
}) {
  const { t } = useTranslation();
  const { name, published, value } = props;
  return (
    <fieldset className="override-field">
      <legend className="ds-label">{t(`costReport.volumes.${name}`)}</legend>
      <Paragraph data-size="sm" data-testid={`published-${name}`}>
        {published
          ? t("costReport.volumes.published", { value: formatInteger(published.value), source: sourceText(t, published) })
          : t("costReport.volumes.publishedNone")}
      </Paragraph>
      {props.editable ? (
        <>
          <Checkbox
            id={`report-${name}-override`}
            label={t("costReport.volumes.override")}
            checked={value.enabled}
            onChange={(e) => props.onChange({ ...value, enabled: e.target.checked })}
          />
          {value.enabled && (
            <>
              <Textfield
                id={`report-${name}-value`}
                label={t("costReport.volumes.overrideValue")}
                inputMode="numeric"
                value={value.value}
                error={props.errors.get(`report-${name}-value`)}
                onChange={(e) => props.onChange({ ...value, value: e.target.value })}
              />
              <Textfield
                id={`report-${name}-reason`}
                label={t("costReport.volumes.overrideReason")}
                description={t("costReport.volumes.overrideReasonDescription")}
                value={value.reason}
                maxLength={500}
                error={props.errors.get(`report-${name}-reason`)}
                onChange={(e) => props.onChange({ ...value, reason: e.target.value })}
              />
            </>
          )}
        </>
      ) : (
        value.enabled && (
          <Paragraph data-size="sm">{`${t("costReport.volumes.overrideValue")}: ${formatTypedNumber(value.value)} (${value.reason})`}</Paragraph>
        )
      )}
    </fieldset>
  );
}

/** IT user accounts and employees, and the population and budget the report is measured against. */
export function VolumesEditor(props: {
  draft: ReportDraft;
  view: ReportView;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (draft: ReportDraft) => void;
}) {
  const { t } = useTranslation();
  const { draft, view } = props;
  return (
    <section aria-labelledby="volumes-heading" className="stack narrow-wide">
      <Heading level={2} data-size="sm" id="volumes-heading">
        {t("costReport.volumes.title")}
      </Heading>
      <Textfield
        id="report-it-users"
        label={t("costReport.volumes.itUserAccounts")}
        description={t("costReport.volumes.itUserAccountsDescription")}
        inputMode="numeric"
        readOnly={!props.editable}
        value={props.editable ? draft.itUserAccounts : formatTypedNumber(draft.itUserAccounts)}
        error={props.errors.get("report-it-users")}
        onChange={(e) => props.onChange({ ...draft, itUserAccounts: e.target.value })}
      />
      <Textfield
        id="report-fte"
        label={t("costReport.volumes.employeesFte")}
        description={t("costReport.volumes.employeesFteDescription")}
        inputMode="decimal"
        readOnly={!props.editable}
        value={props.editable ? draft.employeesFte : formatTypedNumber(draft.employeesFte)}
        error={props.errors.get("report-fte")}
        onChange={(e) => props.onChange({ ...draft, employeesFte: e.target.value })}
      />
      <OverrideField
        name="population"
        published={view.published.population}
        value={draft.population}
        editable={props.editable}
        errors={props.errors}
        onChange={(population) => props.onChange({ ...draft, population })}
      />
      <OverrideField
        name="grossOperatingExpenditure"
        published={view.published.grossOperatingExpenditure}
        value={draft.grossOperatingExpenditure}
        editable={props.editable}
        errors={props.errors}
        onChange={(grossOperatingExpenditure) => props.onChange({ ...draft, grossOperatingExpenditure })}
      />
    </section>
  );
}
