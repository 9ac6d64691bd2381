import { Button, Paragraph, Table } from "@digdir/designsystemet-react";
import { COST_TYPE_NAMES, COST_TYPES, IT_SERVICE_NAMES, IT_SERVICES, type CostLine, type CostType, type ItService } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { EmptyState } from "../../components/empty-state";
import { TableScroll } from "../../components/table-scroll";
import { formatNok } from "../../lib/format";
import { emptyLine, lineFieldId, type LineDraft } from "./report-draft";

export interface SystemOption {
  readonly id: number;
  readonly name: string;
}

function useLanguage(): "nb" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "nb";
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
  const set = (index: number, patch: Partial<LineDraft>) => props.onChange(props.lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const label = (field: string, row: number) => t("costReport.lines.fieldLabel", { field: t(`costReport.lines.${field}`), row });
  return (
    <div className="stack">
      {props.lines.length === 0 ? (
        <EmptyState>{t("costReport.lines.empty")}</EmptyState>
      ) : (
        <TableScroll label={t("costReport.lines.caption")}>
          <Table data-size="sm" className="cost-lines" data-testid="cost-lines">
            <caption className="visually-hidden">{t("costReport.lines.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("costReport.lines.row")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.lines.service")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.lines.costType")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.lines.system")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.lines.amount")}</Table.HeaderCell>
                <Table.HeaderCell>{t("costReport.lines.comment")}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t("costReport.lines.removeHeader")}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {props.lines.map((line, index) => {
                const row = index + 1;
                const amountId = lineFieldId(line.key, "amount");
                const amountError = props.errors.get(amountId);
                const amountNote = amountError ? undefined : props.notes.get(amountId);
                const amountDescribedBy = [amountError && `${amountId}-error`, amountNote && `${amountId}-note`].filter(Boolean).join(" ");
                const systemError = props.errors.get(lineFieldId(line.key, "system"));
                const serviceError = props.errors.get(lineFieldId(line.key, "service"));
                return (
                  <Table.Row key={line.key}>
                    <Table.Cell>{row}</Table.Cell>
                    <Table.Cell>
                      <select
                        id={lineFieldId(line.key, "service")}
                        className="ds-input"
                        aria-label={label("service", row)}
                        aria-invalid={serviceError ? true : undefined}
                        value={line.service}
                        onChange={(e) => set(index, { service: e.target.value as ItService })}
                      >
                        {IT_SERVICES.map((s) => (
                          <option key={s} value={s}>
                            {IT_SERVICE_NAMES[s][lang]}
                          </option>
                        ))}
                      </select>
                      {serviceError && <p className="field-error">{serviceError}</p>}
                    </Table.Cell>
                    <Table.Cell>
                      <select
                        id={lineFieldId(line.key, "costType")}
                        className="ds-input"
                        aria-label={label("costType", row)}
                        value={line.costType}
                        onChange={(e) => set(index, { costType: e.target.value as CostType })}
                      >
                        {COST_TYPES.map((c) => (
                          <option key={c} value={c}>
                            {COST_TYPE_NAMES[c][lang]}
                          </option>
                        ))}
                      </select>
                    </Table.Cell>
                    <Table.Cell>
                      <select
                        id={lineFieldId(line.key, "system")}
                        className="ds-input"
                        aria-label={label("system", row)}
                        aria-invalid={systemError ? true : undefined}
                        value={line.systemId}
                        onChange={(e) => set(index, { systemId: e.target.value })}
                      >
                        <option value="">{t("costReport.lines.noSystem")}</option>
                        {props.systems.map((s) => (
                          <option key={s.id} value={String(s.id)}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                      {systemError && <p className="field-error">{systemError}</p>}
                    </Table.Cell>
                    <Table.Cell>
                      <input
                        id={amountId}
                        className="ds-input amount-input"
                        inputMode="decimal"
                        autoComplete="off"
                        aria-label={label("amount", row)}
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
                    </Table.Cell>
                    <Table.Cell>
                      <input
                        id={lineFieldId(line.key, "comment")}
                        className="ds-input"
                        maxLength={500}
                        aria-label={label("comment", row)}
                        value={line.comment}
                        onChange={(e) => set(index, { comment: e.target.value })}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Button variant="tertiary" data-size="sm" onClick={() => props.onChange(props.lines.filter((_, i) => i !== index))}>
                        {t("costReport.lines.remove", { row })}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
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
    <TableScroll label={t("costReport.lines.caption")}>
      <Table data-size="sm" data-testid="cost-lines">
        <caption className="visually-hidden">{t("costReport.lines.caption")}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("costReport.lines.service")}</Table.HeaderCell>
            <Table.HeaderCell>{t("costReport.lines.costType")}</Table.HeaderCell>
            <Table.HeaderCell>{t("costReport.lines.system")}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t("costReport.lines.amount")}</Table.HeaderCell>
            <Table.HeaderCell>{t("costReport.lines.comment")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {lines.map((l, i) => (
            <Table.Row key={i}>
              <Table.Cell>{IT_SERVICE_NAMES[l.service][lang]}</Table.Cell>
              <Table.Cell>{COST_TYPE_NAMES[l.costType][lang]}</Table.Cell>
              <Table.Cell>{l.systemId === null ? "" : (names.get(l.systemId) ?? "")}</Table.Cell>
              <Table.Cell className="numeric">{formatNok(l.amount)}</Table.Cell>
              <Table.Cell>{l.comment ?? ""}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
