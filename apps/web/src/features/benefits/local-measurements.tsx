import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import type { FieldIssue } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { formatDate, formatWithUnit } from "../../lib/format";
import { useAddLocalMeasurement, useChangeLocalMeasurement, useDeleteLocalMeasurement } from "./api";
import { MeasurementFields, readMeasurement, type MeasurementDraft } from "./measurement-fields";

type LocalPlan = RouterOutputs["solutions"]["localPlan"];
type PlanBenefit = LocalPlan["plan"]["benefits"][number];
type Typed = PlanBenefit["typedMeasurements"][number];

/**
 * The measurements typed by hand for a local benefit no indicator measures (issue 26): the list, and for the
 * municipality's keepers a form to record one, change one (over the version read) or delete one (confirmed).
 * The year's latest measurement gives the year's realized value in the table above.
 */
export function LocalMeasurements(props: {
  municipalityNumber: string;
  projectId: number;
  benefit: PlanBenefit;
  canMeasure: boolean;
  today: string;
}) {
  const { t } = useTranslation();
  const { benefit: b, projectId, municipalityNumber } = props;
  // By id: a change is sent over the version shown now, so after a conflict has refreshed the list, the user's next save is theirs to make.
  const [editingId, setEditingId] = useState<number | null>(null);
  const editing = b.typedMeasurements.find((m) => m.id === editingId) ?? null;
  const [draft, setDraft] = useState<MeasurementDraft>({ value: "", date: props.today, comment: "" });
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Typed | null>(null);
  const reset = (text: string | null) => {
    setEditingId(null);
    setDraft({ value: "", date: props.today, comment: "" });
    setIssues([]);
    setMessage(text);
  };
  const onError = (error: unknown) => setIssues(readAppError(error)?.issues ?? []);
  const add = useAddLocalMeasurement({ onSuccess: () => reset(t("benefits.measurements.added")), onError });
  const change = useChangeLocalMeasurement({ onSuccess: () => reset(t("benefits.solutions.measurementChanged")), onError });
  const remove = useDeleteLocalMeasurement({
    onSuccess: () => {
      setDeleting(null);
      setMessage(t("benefits.measurements.deleted"));
    },
  });
  const pending = add.isPending || change.isPending;
  const failed = editing ? change.error : add.error;
  const startEditing = (m: Typed) => {
    add.reset();
    change.reset();
    setIssues([]);
    setMessage(null);
    setEditingId(m.id);
    setDraft({ value: String(m.value).replace(".", ","), date: m.date, comment: m.comment ?? "" });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const read = readMeasurement(draft);
    if ("issues" in read) {
      setIssues(read.issues);
      return;
    }
    setIssues([]);
    const at = { municipalityNumber, projectId };
    if (editing) change.mutate({ ...at, id: editing.id, expectedVersion: editing.version, measurement: read.measurement });
    else add.mutate({ ...at, key: b.key, measurement: read.measurement });
  };
  const conflict = conflictOf(failed) !== null;
  const general = failed && !conflict && (readAppError(failed)?.issues ?? []).length === 0 ? translateError(t, failed).message : null;
  const id = `typed-${b.key}`;
  return (
    <section className="stack" aria-labelledby={`${id}-heading`} data-testid={`typed-measurements-${b.key}`}>
      <Heading level={4} data-size="2xs" id={`${id}-heading`}>
        {t("benefits.solutions.typedHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("benefits.solutions.typedIntro")}</Paragraph>
      <DataTable
        caption={t("benefits.measurements.caption", { title: b.title })}
        captionHidden
        size="sm"
        rows={b.typedMeasurements}
        rowKey={(m) => m.id}
        rowHeader={false}
        empty={props.canMeasure ? t("benefits.solutions.typedNone") : t("benefits.measurements.none")}
        columns={[
          { key: "date", header: t("benefits.measurements.date"), render: (m) => formatDate(m.date) },
          {
            key: "value",
            header: t("benefits.measurements.value"),
            numeric: true,
            render: (m) => formatWithUnit(m.value, b.indicator.unit),
          },
          { key: "who", header: t("benefits.measurements.who"), render: (m) => m.recordedByName },
          { key: "comment", header: t("benefits.measurements.comment"), render: (m) => m.comment ?? "" },
          ...(props.canMeasure
            ? [
                {
                  key: "actions",
                  header: t("benefits.solutions.actions"),
                  hideHeader: true,
                  render: (m: Typed) => (
                    <div className="button-row">
                      <Button variant="tertiary" data-size="sm" onClick={() => startEditing(m)}>
                        {t("benefits.solutions.changeMeasurement", { date: formatDate(m.date) })}
                      </Button>
                      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => setDeleting(m)}>
                        {t("benefits.measurements.delete", { date: formatDate(m.date) })}
                      </Button>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {message && (
        <Alert data-color="success" data-size="sm" role="status" data-testid={`typed-message-${b.key}`}>
          {message}
        </Alert>
      )}
      {props.canMeasure && (
        <form
          className="stack no-print"
          onSubmit={submit}
          noValidate
          aria-label={
            editing
              ? t("benefits.solutions.changeTitle", { title: b.title, date: formatDate(editing.date) })
              : t("benefits.measurements.addTitle", { title: b.title })
          }
          data-testid={`typed-form-${b.key}`}
        >
          <div className="field-row">
            <MeasurementFields
              idPrefix={id}
              unit={b.indicator.unit}
              draft={draft}
              issues={issues}
              onChange={(p) => setDraft((d) => ({ ...d, ...p }))}
            />
          </div>
          {conflict && (
            <Alert data-color="warning" role="alert">
              {t("benefits.solutions.measurementConflict")}
            </Alert>
          )}
          {general && (
            <Alert data-color="danger" role="alert">
              {general}
            </Alert>
          )}
          <div className="button-row">
            <Button type="submit" data-size="sm" disabled={pending} aria-busy={pending}>
              {editing ? t("benefits.solutions.saveMeasurement") : t("benefits.measurements.add")}
            </Button>
            {editing && (
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  reset(null);
                  change.reset();
                }}
              >
                {t("benefits.solutions.form.cancel")}
              </Button>
            )}
          </div>
        </form>
      )}
      <ConfirmDialog
        request={
          deleting && {
            title: t("benefits.measurements.deleteTitle", { date: formatDate(deleting.date) }),
            body: t("benefits.solutions.deleteMeasurementBody", { value: formatWithUnit(deleting.value, b.indicator.unit) }),
            confirmLabel: t("benefits.measurements.delete", { date: formatDate(deleting.date) }),
            destructive: true,
          }
        }
        pending={remove.isPending}
        error={remove.error ? translateError(t, remove.error).message : null}
        onConfirm={() => deleting && remove.mutate({ municipalityNumber, projectId, id: deleting.id, expectedVersion: deleting.version })}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </section>
  );
}
