import { Button, Paragraph } from "@digdir/designsystemet-react";
import {
  COST_TYPE_NAMES,
  COST_TYPES,
  IT_SERVICE_NAMES,
  IT_SERVICES,
  type CostLine,
  type CostType,
  type ItService,
} from "@malestokk/domain";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatNok } from "../../lib/format";
import { emptyLine, lineFieldId, type LineDraft } from "./report-draft";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

export interface SystemOption {
  readonly id: number;
  readonly name: string;
}

/**
 * The lines as a table of inputs. Each input has its own label ("Beløp (kr), linje 3"), so a
 * screen reader user knows the row without reading the header.
 */
export function CostLinesEditor(props: {
  lines: readonly LineDraft[];
  systems: readonly SystemOption[];
  errors: ReadonlyMap<string, string>;
  /** Notes by field id, such as how an amount with øre was rounded. */
  notes: ReadonlyMap<string, string>;
  onChange: (lines: LineDraft[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const set = (index: number, patch: Partial<LineDraft>) =>
    props.onChange(props.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const label = (field: string, row: number) => t("costReport.lines.fieldLabel", { field: t(`costReport.lines.${field}`), row });
  const catalogueOptions = <C extends string>(codes: readonly C[], names: Readonly<Record<C, { nb: string; en: string }>>) =>
    codes.map((code) => (
      <option key={code} value={code}>
        {localized(names[code], lang)}
      </option>
    ));
  const lineSelect = (
    line: LineDraft,
    index: number,
    field: "service" | "costType" | "system",
    value: string,
    patch: (value: string) => Partial<LineDraft>,
    options: ReactNode,
  ) => {
    const id = lineFieldId(line.key, field);
    const error = props.errors.get(id);
    return (
      <>
        <select
          id={id}
          className="ds-input"
          aria-label={label(field, index + 1)}
          aria-invalid={error ? true : undefined}
          value={value}
          onChange={(e) => set(index, patch(e.target.value))}
        >
          {options}
        </select>
        {error && <p className="field-error">{error}</p>}
      </>
    );
  };
  return (
    <div className="stack">
      <DataTable
        caption={t("costReport.lines.caption")}
        captionHidden
        size="sm"
        className="cost-lines"
        testId="cost-lines"
        empty={t("costReport.lines.empty")}
        rows={props.lines}
        rowKey={(line) => line.key}
        columns={[
          { key: "row", header: t("costReport.lines.row"), render: (_line, index) => index + 1 },
          {
            key: "service",
            header: t("costReport.lines.service"),
            render: (line, index) =>
              lineSelect(
                line,
                index,
                "service",
                line.service,
                (value) => ({ service: value as ItService }),
                catalogueOptions(IT_SERVICES, IT_SERVICE_NAMES),
              ),
          },
          {
            key: "costType",
            header: t("costReport.lines.costType"),
            render: (line, index) =>
              lineSelect(
                line,
                index,
                "costType",
                line.costType,
                (value) => ({ costType: value as CostType }),
                catalogueOptions(COST_TYPES, COST_TYPE_NAMES),
              ),
          },
          {
            key: "system",
            header: t("costReport.lines.system"),
            render: (line, index) =>
              lineSelect(line, index, "system", line.systemId, (value) => ({ systemId: value }), [
                <option key="" value="">
                  {t("costReport.lines.noSystem")}
                </option>,
                ...props.systems.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name}
                  </option>
                )),
              ]),
          },
          {
            key: "amount",
            header: t("costReport.lines.amount"),
            render: (line, index) => {
              const amountId = lineFieldId(line.key, "amount");
              const amountError = props.errors.get(amountId);
              const amountNote = amountError ? undefined : props.notes.get(amountId);
              const amountDescribedBy = [amountError && `${amountId}-error`, amountNote && `${amountId}-note`].filter(Boolean).join(" ");
              return (
                <>
                  <input
                    id={amountId}
                    className="ds-input amount-input"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-label={label("amount", index + 1)}
                    aria-invalid={amountError ? true : undefined}
                    aria-describedby={amountDescribedBy || undefined}
                    value={line.amount}
                    onChange={(e) => set(index, { amount: e.target.value })}
                  />
                  {amountError && (
                    <p className="field-error" id={`${amountId}-error`}>
                      {amountError}
                    </p>
                  )}
                  {amountNote && (
                    <p className="field-note" id={`${amountId}-note`}>
                      {amountNote}
                    </p>
                  )}
                </>
              );
            },
          },
          {
            key: "comment",
            header: t("costReport.lines.comment"),
            render: (line, index) => (
              <input
                id={lineFieldId(line.key, "comment")}
                className="ds-input"
                maxLength={500}
                aria-label={label("comment", index + 1)}
                value={line.comment}
                onChange={(e) => set(index, { comment: e.target.value })}
              />
            ),
          },
          {
            key: "remove",
            header: t("costReport.lines.removeHeader"),
            hideHeader: true,
            render: (_line, index) => (
              <Button variant="tertiary" data-size="sm" onClick={() => props.onChange(props.lines.filter((_, i) => i !== index))}>
                {t("costReport.lines.remove", { row: index + 1 })}
              </Button>
            ),
          },
        ]}
      />
      <div>
        <Button variant="secondary" onClick={() => props.onChange([...props.lines, emptyLine()])}>
          {t("costReport.lines.add")}
        </Button>
      </div>
    </div>
  );
}

/** The lines of a report that cannot be edited (submitted, approved, or another role). */
export function CostLinesTable({ lines, systems }: { lines: readonly CostLine[]; systems: readonly SystemOption[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const names = new Map(systems.map((s) => [s.id, s.name]));
  if (lines.length === 0) return <Paragraph>{t("costReport.lines.empty")}</Paragraph>;
  return (
    <DataTable
      caption={t("costReport.lines.caption")}
      captionHidden
      size="sm"
      testId="cost-lines"
      rows={lines}
      columns={[
        { key: "service", header: t("costReport.lines.service"), render: (l) => localized(IT_SERVICE_NAMES[l.service], lang) },
        { key: "costType", header: t("costReport.lines.costType"), render: (l) => localized(COST_TYPE_NAMES[l.costType], lang) },
        { key: "system", header: t("costReport.lines.system"), render: (l) => (l.systemId === null ? "" : (names.get(l.systemId) ?? "")) },
        { key: "amount", header: t("costReport.lines.amount"), numeric: true, render: (l) => formatNok(l.amount) },
        { key: "comment", header: t("costReport.lines.comment"), render: (l) => l.comment ?? "" },
      ]}
    />
  );
}
