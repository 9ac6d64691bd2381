import { Alert, Heading, Paragraph, Textarea, Field, Label } from "@digdir/designsystemet-react";
import { getIndicator, type PeerGroupKind, type PlausibilityWarning } from "@malestokk/domain";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

import { PeerStandInNotice } from "../../components/peer-stand-in";
import { formatDecimal, formatNok, formatPercent } from "../../lib/format";
import type { Language } from "../../lib/i18n";
import { localized } from "../../lib/localized";

const percent = new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 0, signDisplay: "always" });
const ratio = new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 1 });

function formatValue(code: string, value: number): string {
  const unit = getIndicator(code)?.unit;
  if (unit === "NOK") return formatNok(Math.round(value));
  if (unit === "percent") return formatPercent(value);
  return formatDecimal(value);
}

/** The peer group a check compares with: the KOSTRA group, or its stand-in ("tilnærmet"). */
export interface CheckGroup {
  readonly kind: PeerGroupKind;
  readonly standInFor: PeerGroupKind | null;
}

/** The id of the field that explains a warning: the warning list and the submit step's summary link to it. */
export function warningFieldId(key: string): string {
  return `warning-${key.replace(/[^a-zA-Z0-9]/g, "-")}`;
}

/** A warning as a sentence, with the numbers behind it. */
export function warningText(t: TFunction, w: PlausibilityWarning, language: Language, group: CheckGroup): string {
  const groupName =
    group.standInFor === null
      ? t("costReport.warnings.kostraGroup")
      : t("costReport.warnings.approximateGroup", { name: t(`benchmarks.peerKinds.${group.kind}`) });
  return t(`costReport.warnings.${w.kind}`, {
    indicator: localized(getIndicator(w.code)?.name, language) ?? w.code,
    value: formatValue(w.code, w.value),
    reference: formatValue(w.code, w.reference),
    ratio: w.kind === "peerLow" ? percent.format(w.ratio).replace("+", "") : ratio.format(w.ratio),
    change: percent.format(w.ratio - 1),
    n: w.peerCount,
    group: groupName,
  });
}

/** Plausibility warnings with the numbers behind them, and a field to explain each. */
export function WarningsView(props: {
  warnings: readonly PlausibilityWarning[];
  comments: Readonly<Record<string, string>>;
  editable: boolean;
  language: Language;
  /** The group the peer medians come from. */
  group: CheckGroup;
  onComment: (key: string, text: string) => void;
}) {
  const { t } = useTranslation();
  const unexplained = props.warnings.filter((w) => (props.comments[w.key] ?? "").trim() === "").length;
  return (
    <section aria-labelledby="warnings-heading" className="stack" data-testid="report-warnings">
      <Heading level={2} data-size="sm" id="warnings-heading">
        {t("costReport.warnings.title")}
      </Heading>
      <Paragraph data-size="sm">{t("costReport.warnings.intro")}</Paragraph>
      <PeerStandInNotice group={props.group} />
      {props.warnings.length === 0 ? (
        <Paragraph>{t("costReport.warnings.none")}</Paragraph>
      ) : (
        <>
          {unexplained > 0 && props.editable && (
            <Alert data-color="warning">{t("costReport.warnings.unexplained", { count: unexplained })}</Alert>
          )}
          <ul className="warning-list">
            {props.warnings.map((w) => {
              const id = warningFieldId(w.key);
              return (
                <li key={w.key} className="warning-item" data-testid={`warning-${w.key}`}>
                  <Paragraph>{warningText(t, w, props.language, props.group)}</Paragraph>
                  {props.editable ? (
                    <Field>
                      <Label htmlFor={id}>{t("costReport.warnings.explain")}</Label>
                      <Textarea
                        id={id}
                        rows={2}
                        maxLength={500}
                        value={props.comments[w.key] ?? ""}
                        onChange={(e) => props.onComment(w.key, e.target.value)}
                      />
                    </Field>
                  ) : (
                    props.comments[w.key] && (
                      <Paragraph data-size="sm">{`${t("costReport.warnings.explain")}: ${props.comments[w.key]}`}</Paragraph>
                    )
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
