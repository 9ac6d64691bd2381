import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { getIndicator, type FieldIssue } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { indicatorLabel } from "../../components/indicator-format";
import { readAppError, translateError } from "../../lib/errors";
import { formatDate, formatDateShort, formatDecimal, formatNok } from "../../lib/format";
import { useAddMeasurement, useDeleteMeasurement } from "./api";
import { MeasurementFields, readMeasurement } from "./measurement-fields";
import { BenefitChart } from "./benefit-chart";
import { STATUS_COLOURS } from "./texts";
import { useLanguage } from "../../lib/i18n";

export type BenefitView = RouterOutputs["benefits"]["project"]["benefits"][number];

const show = (value: number, unit: string) => `${formatDecimal(value)} ${unit}`;

/** One benefit: its facts, status in words, the chart of plan against measurements, and the measurements. */
export function BenefitCard(props: {
  projectId: number;
  benefit: BenefitView;
  canEdit: boolean;
  today: string;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const b = props.benefit;
  const unit = b.indicator.unit;
  const linked = b.linkedIndicatorCode ? getIndicator(b.linkedIndicatorCode) : undefined;
  const headingId = `benefit-${b.id}-heading`;
  return (
    <article className="benefit-card stack" aria-labelledby={headingId} data-testid={`benefit-${b.id}`}>
      <Heading level={3} data-size="xs" id={headingId}>
        {b.title}{" "}
        <Tag data-size="sm" data-color={STATUS_COLOURS[b.summary.status]} data-testid="benefit-status">
          {t(`benefits.status.${b.summary.status}`)}
        </Tag>{" "}
        {b.disBenefit && (
          <Tag data-size="sm" data-color="warning">
            {t("benefits.benefits.disBenefit")}
          </Tag>
        )}
      </Heading>
      {b.description && <Paragraph>{b.description}</Paragraph>}
      {b.latest && (
        <Paragraph data-testid="benefit-latest">
          {t("benefits.benefits.latest", {
            value: show(b.latest.value, unit),
            date: formatDate(b.latest.date),
            planned: show(b.latest.planned, unit),
          })}
        </Paragraph>
      )}
      {b.summary.overdue && b.summary.nextDue && (
        <Alert data-color="warning" data-size="sm">
          {t("benefits.benefits.overdue", { date: formatDate(b.summary.nextDue) })}
        </Alert>
      )}
      <dl className="benefit-facts">
        <dt>{t("benefits.benefits.owner")}</dt>
        <dd>{b.ownerName}</dd>
        <dt>{t("benefits.benefits.type")}</dt>
        <dd>
          {t(`benefits.types.${b.type}`)} · {b.cash ? t("benefits.benefits.cash") : t("benefits.benefits.nonCash")} ·{" "}
          {b.quantitative ? t("benefits.benefits.quantitative") : t("benefits.benefits.qualitative")}
        </dd>
        <dt>{t("benefits.benefits.valuation")}</dt>
        <dd>
          {t(`benefits.valuations.${b.valuation}`)}
          {b.annualValueNok !== null && ` · ${t("benefits.benefits.value")}: ${formatNok(b.annualValueNok)}`}
        </dd>
        <dt>{t("benefits.benefits.indicator")}</dt>
        <dd>
          {b.indicator.name} ({unit}) · {t(`benefits.directions.${b.indicator.direction}`)}
        </dd>
        {b.indicator.method && (
          <>
            <dt>{t("benefits.benefits.method")}</dt>
            <dd>{b.indicator.method}</dd>
          </>
        )}
        <dt>{t("benefits.benefits.frequency")}</dt>
        <dd>{t(`benefits.frequencies.${b.indicator.frequency}`)}</dd>
        <dt>{t("benefits.benefits.baseline")}</dt>
        <dd>
          {show(b.baseline.value, unit)} ({formatDate(b.baseline.date)})
        </dd>
        <dt>{t("benefits.benefits.targets")}</dt>
        <dd>{b.targets.map((x) => t("benefits.benefits.target", { value: show(x.value, unit), date: formatDate(x.date) })).join("; ")}</dd>
        {b.summary.nextDue && (
          <>
            <dt>{t("benefits.benefits.nextDue")}</dt>
            <dd>{formatDate(b.summary.nextDue)}</dd>
          </>
        )}
      </dl>
      {linked && (
        <Paragraph data-size="sm">{t("benefits.benefits.linked", { indicator: indicatorLabel(linked.code, language) })}</Paragraph>
      )}
      <BenefitChart benefit={b} language={language} />
      <Measurements projectId={props.projectId} benefit={b} canEdit={props.canEdit && !linked} today={props.today} />
      {props.canEdit && (
        <div className="button-row no-print">
          <Button variant="secondary" data-size="sm" onClick={props.onEdit}>
            {t("benefits.benefits.edit")}
          </Button>
          <Button variant="tertiary" data-color="danger" data-size="sm" onClick={props.onDelete}>
            {t("benefits.benefits.delete")}
          </Button>
        </div>
      )}
    </article>
  );
}

function Measurements({
  projectId,
  benefit,
  canEdit,
  today,
}: {
  projectId: number;
  benefit: BenefitView;
  canEdit: boolean;
  today: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  const [date, setDate] = useState(today);
  const [comment, setComment] = useState("");
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: number; date: string; value: number } | null>(null);
  const add = useAddMeasurement({
    onSuccess: () => {
      setValue("");
      setComment("");
      setIssues([]);
      setMessage(t("benefits.measurements.added"));
    },
    onError: (error) => setIssues(readAppError(error)?.issues ?? [{ path: [], code: "NETWORK", params: {} }]),
  });
  const remove = useDeleteMeasurement({
    onSuccess: () => {
      setDeleting(null);
      setMessage(t("benefits.measurements.deleted"));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const read = readMeasurement({ value, date, comment });
    if ("issues" in read) {
      setIssues(read.issues);
      return;
    }
    add.mutate({ projectId, benefitId: benefit.id, measurement: read.measurement });
  };
  const caption = t("benefits.measurements.caption", { title: benefit.title });
  const formId = `measurement-${benefit.id}`;
  return (
    <section className="stack" aria-labelledby={`${formId}-heading`}>
      <Heading level={4} data-size="2xs" id={`${formId}-heading`}>
        {t("benefits.measurements.heading")}
      </Heading>
      {benefit.measurements.length === 0 ? (
        <Paragraph data-size="sm">{t("benefits.measurements.none")}</Paragraph>
      ) : (
        <DataTable
          caption={caption}
          captionHidden
          size="sm"
          testId={`measurements-${benefit.id}`}
          rows={benefit.measurements}
          rowKey={(m) => `${m.date}-${m.id ?? "i"}`}
          rowHeader={false}
          columns={[
            { key: "date", header: t("benefits.measurements.date"), render: (m) => formatDateShort(m.date) },
            { key: "value", header: t("benefits.measurements.value"), numeric: true, render: (m) => show(m.value, benefit.indicator.unit) },
            {
              key: "who",
              header: t("benefits.measurements.who"),
              render: (m) => (m.source === "indicator" ? t("benefits.measurements.fromIndicator") : m.recordedByName),
            },
            { key: "comment", header: t("benefits.measurements.comment"), render: (m) => m.comment ?? "" },
            ...(canEdit
              ? [
                  {
                    key: "delete",
                    header: t("benefits.measurements.delete", { date: "" }),
                    hideHeader: true,
                    render: (m: (typeof benefit.measurements)[number]) =>
                      m.id !== null && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          onClick={() => m.id !== null && setDeleting({ id: m.id, date: m.date, value: m.value })}
                        >
                          {t("benefits.measurements.delete", { date: formatDate(m.date) })}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {message && (
        <Alert data-color="success" data-size="sm" role="status">
          {message}
        </Alert>
      )}
      {canEdit && (
        <form
          className="field-row no-print"
          onSubmit={submit}
          noValidate
          aria-label={t("benefits.measurements.addTitle", { title: benefit.title })}
        >
          <MeasurementFields
            idPrefix={formId}
            unit={benefit.indicator.unit}
            draft={{ value, date, comment }}
            issues={issues}
            onChange={(p) => {
              if (p.value !== undefined) setValue(p.value);
              if (p.date !== undefined) setDate(p.date);
              if (p.comment !== undefined) setComment(p.comment);
            }}
          />
          <div>
            <Button type="submit" data-size="sm" disabled={add.isPending} aria-busy={add.isPending}>
              {t("benefits.measurements.add")}
            </Button>
          </div>
        </form>
      )}
      {issues.some((i) => i.path.length === 0) && <Alert data-color="danger">{translateError(t, add.error).message}</Alert>}
      <ConfirmDialog
        request={
          deleting && {
            title: t("benefits.measurements.deleteTitle", { date: formatDate(deleting.date) }),
            body: t("benefits.measurements.deleteBody", { value: show(deleting.value, benefit.indicator.unit) }),
            confirmLabel: t("benefits.measurements.delete", { date: formatDate(deleting.date) }),
            destructive: true,
          }
        }
        pending={remove.isPending}
        error={remove.error ? translateError(t, remove.error).message : null}
        onConfirm={() => deleting && remove.mutate({ projectId, benefitId: benefit.id, measurementId: deleting.id })}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </section>
  );
}
