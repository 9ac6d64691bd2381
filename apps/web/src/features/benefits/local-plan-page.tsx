import { Alert, Button, Fieldset, Heading, Paragraph, Select, Tag, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { diffTemplateVersions, LocalPlanInputSchema, type FieldIssue, type LocalPlanInput, type TemplateBenefit } from "@malestokk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable } from "../../components/data-table";
import { NotFoundNotice, QueryView } from "../../components/query-view";
import { SelectField } from "../../components/select-field";
import { readAppError, translateError } from "../../lib/errors";
import { formatDate, formatDecimal, formatKroner, formatNok, formatWithUnit } from "../../lib/format";
import { useCan } from "../../lib/session";
import { useAcceptTemplateVersion, useAdopt, useAdoptionDraft, useApproveLocalPlan, useLocalPlan, useSaveLocalPlan } from "./api";
import { parseDecimal } from "./benefit-draft";
import { LocalMeasurements } from "./local-measurements";
import { TemplateChanges } from "./template-section";
import { issuesByPath } from "./texts";

type LocalPlan = RouterOutputs["solutions"]["localPlan"];
type PlanBenefit = LocalPlan["plan"]["benefits"][number];
type Year = PlanBenefit["years"][number];

/** "2 900 × 11,40 kr = 33 060 kr (source)": the computation beside a value, or the share it is (issue 26). */
function computation(
  t: ReturnType<typeof useTranslation>["t"],
  b: PlanBenefit,
  point: { value: number; valueNok: number | null; unitValue: Year["planned"]["unitValue"] },
) {
  if (point.valueNok === null) return b.valueMethod === "volume" ? t("benefits.solutions.noUnitValue") : "–";
  if (b.valueMethod === "volume" && point.unitValue)
    return t("benefits.solutions.volumeComputation", {
      volume: formatDecimal(point.value),
      unitValue: formatKroner(point.unitValue.valueNok),
      value: formatNok(point.valueNok),
      source: point.unitValue.source,
    });
  return t("benefits.solutions.shareComputation", {
    measured: formatWithUnit(point.value, b.indicator.unit),
    annual: formatNok(b.annualValueNok ?? 0),
    value: formatNok(point.valueNok),
  });
}

/**
 * One local benefit: owner, baseline, targets, and its value per year with the computation shown; for the
 * municipality's own readers, the measurements typed by hand when no indicator measures it.
 */
function LocalBenefitView({ benefit: b, measuring }: { benefit: PlanBenefit; measuring: MeasuringProps | null }) {
  const { t } = useTranslation();
  return (
    <section className="panel stack" aria-labelledby={`local-${b.key}`} data-testid="local-benefit">
      <Heading level={3} data-size="xs" id={`local-${b.key}`}>
        {b.title} <Tag data-color="neutral">{t(`benefits.status.${b.status}`)}</Tag>
      </Heading>
      <Paragraph data-size="sm">
        {t("benefits.solutions.ownerLine", { name: b.ownerName })} ·{" "}
        {t("benefits.solutions.baselineLine", {
          value: formatWithUnit(b.baseline.value, b.indicator.unit),
          date: formatDate(b.baseline.date),
        })}
        {b.linkedIndicatorCode ? ` · ${t("benefits.solutions.measuredBy", { code: b.linkedIndicatorCode })}` : ""} ·{" "}
        {b.nextDue ? t("benefits.solutions.nextDueLine", { date: formatDate(b.nextDue) }) : t("benefits.solutions.noNextDue")}
      </Paragraph>
      <DataTable
        caption={t("benefits.solutions.yearsCaption", { title: b.title })}
        size="sm"
        testId={`local-years-${b.key}`}
        rows={b.years}
        rowKey={(y) => y.year}
        columns={[
          { key: "year", header: t("benefits.solutions.year") },
          {
            key: "plannedValue",
            header: t("benefits.solutions.plannedMeasure"),
            numeric: true,
            render: (y) => formatWithUnit(y.planned.value, b.indicator.unit),
          },
          { key: "planned", header: t("benefits.solutions.plannedValue"), render: (y) => computation(t, b, y.planned) },
          {
            key: "measured",
            header: t("benefits.solutions.measured"),
            numeric: true,
            render: (y) => (y.realized ? formatWithUnit(y.realized.value, b.indicator.unit) : t("benefits.solutions.notMeasured")),
          },
          {
            key: "realized",
            header: t("benefits.solutions.realizedValue"),
            render: (y) => (y.realized ? computation(t, b, y.realized) : "–"),
          },
        ]}
      />
      {measuring && b.measuredByHand && <LocalMeasurements {...measuring} benefit={b} />}
    </section>
  );
}

type MeasuringProps = Omit<Parameters<typeof LocalMeasurements>[0], "benefit">;

interface FormBenefit {
  key: string;
  title: string;
  unit: string;
  ownerName: string;
  ownerUserId: string;
  baselineValue: string;
  baselineDate: string;
  baselineFromFigures: boolean;
  targets: { date: string; value: string }[];
}

/**
 * Adoption and the local plan's own fields: the day it came into use, and per benefit its owner, baseline
 * (from the municipality's approved figures where the benefit is linked to an indicator, typed otherwise)
 * and targets.
 */
function LocalPlanForm(props: {
  heading: string;
  submitLabel: string;
  template: readonly TemplateBenefit[];
  initial: {
    inUseFrom: string;
    benefits: {
      key: string;
      ownerName: string;
      ownerUserId: number | null;
      baseline: { value: number; date: string };
      baselineFromFigures?: boolean;
      targets: { value: number; date: string }[];
    }[];
  };
  people: readonly { id: number; name: string }[];
  pending: boolean;
  error: unknown;
  onSubmit: (plan: LocalPlanInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [inUseFrom, setInUseFrom] = useState(props.initial.inUseFrom);
  const [rows, setRows] = useState<FormBenefit[]>(() =>
    props.initial.benefits.map((b) => {
      const tb = props.template.find((x) => x.key === b.key);
      return {
        key: b.key,
        title: tb?.title ?? b.key,
        unit: tb?.indicator.unit ?? "",
        ownerName: b.ownerName,
        ownerUserId: b.ownerUserId === null ? "" : String(b.ownerUserId),
        baselineValue: String(b.baseline.value).replace(".", ","),
        baselineDate: b.baseline.date,
        baselineFromFigures: b.baselineFromFigures ?? false,
        targets: b.targets.map((x) => ({ date: x.date, value: String(x.value).replace(".", ",") })),
      };
    }),
  );
  const [local, setLocal] = useState<FieldIssue[]>([]);
  const errors = issuesByPath(t, [...local, ...(readAppError(props.error)?.issues ?? [])]);
  const patch = (i: number, p: Partial<FormBenefit>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = LocalPlanInputSchema.safeParse({
      inUseFrom,
      benefits: rows.map((r) => {
        const person = props.people.find((p) => String(p.id) === r.ownerUserId);
        return {
          key: r.key,
          ownerName: person?.name ?? r.ownerName,
          ownerUserId: person ? person.id : null,
          baseline: { value: parseDecimal(r.baselineValue), date: r.baselineDate },
          targets: r.targets.map((x) => ({ date: x.date, value: parseDecimal(x.value) })),
        };
      }),
    });
    if (!parsed.success) {
      setLocal(parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], code: "REQUIRED", params: {} })));
      return;
    }
    setLocal([]);
    props.onSubmit(parsed.data);
  };
  const general = props.error && (readAppError(props.error)?.issues ?? []).length === 0 ? translateError(t, props.error).message : null;
  return (
    <section className="panel" aria-labelledby="local-plan-form-heading" data-testid="local-plan-form">
      <Heading level={3} data-size="xs" id="local-plan-form-heading">
        {props.heading}
      </Heading>
      <form className="stack" onSubmit={submit} noValidate>
        <Textfield
          id="local-inUseFrom"
          type="date"
          label={t("benefits.solutions.inUseFrom")}
          description={t("benefits.solutions.inUseFromDescription")}
          value={inUseFrom}
          error={errors.inUseFrom}
          onChange={(e) => setInUseFrom(e.target.value)}
        />
        {rows.map((r, i) => (
          <Fieldset key={r.key} data-testid={`local-form-${r.key}`}>
            <Fieldset.Legend>{r.title}</Fieldset.Legend>
            <div className="stack">
              <div className="field-row">
                {props.people.length > 0 && (
                  <SelectField
                    id={`local-${i}-ownerUserId`}
                    label={t("benefits.solutions.ownerPerson", { title: r.title })}
                    value={r.ownerUserId}
                    onChange={(e) => patch(i, { ownerUserId: e.target.value })}
                  >
                    <Select.Option value="">{t("benefits.solutions.ownerByName")}</Select.Option>
                    {props.people.map((p) => (
                      <Select.Option key={p.id} value={String(p.id)}>
                        {p.name}
                      </Select.Option>
                    ))}
                  </SelectField>
                )}
                {r.ownerUserId === "" && (
                  <Textfield
                    id={`local-${i}-ownerName`}
                    label={t("benefits.solutions.ownerName", { title: r.title })}
                    value={r.ownerName}
                    error={errors[`benefits.${i}.ownerName`]}
                    onChange={(e) => patch(i, { ownerName: e.target.value })}
                    autoComplete="off"
                  />
                )}
              </div>
              {r.baselineFromFigures ? (
                <Paragraph data-size="sm">
                  {t("benefits.solutions.baselineFromFigures", {
                    value: formatWithUnit(parseDecimal(r.baselineValue), r.unit),
                    date: formatDate(r.baselineDate),
                  })}
                </Paragraph>
              ) : (
                <div className="field-row">
                  <Textfield
                    id={`local-${i}-baseline-value`}
                    label={t("benefits.solutions.baselineValue", { title: r.title })}
                    inputMode="decimal"
                    value={r.baselineValue}
                    error={errors[`benefits.${i}.baseline.value`]}
                    onChange={(e) => patch(i, { baselineValue: e.target.value })}
                  />
                  <Textfield
                    id={`local-${i}-baseline-date`}
                    type="date"
                    label={t("benefits.solutions.baselineDate", { title: r.title })}
                    value={r.baselineDate}
                    error={errors[`benefits.${i}.baseline.date`]}
                    onChange={(e) => patch(i, { baselineDate: e.target.value })}
                  />
                </div>
              )}
              {r.targets.map((x, j) => (
                <div className="field-row" key={j}>
                  <Textfield
                    id={`local-${i}-target-${j}-date`}
                    type="date"
                    label={t("benefits.solutions.targetDate", { n: j + 1, title: r.title })}
                    value={x.date}
                    error={errors[`benefits.${i}.targets.${j}.date`]}
                    onChange={(e) => patch(i, { targets: r.targets.map((y, k) => (k === j ? { ...y, date: e.target.value } : y)) })}
                  />
                  <Textfield
                    id={`local-${i}-target-${j}-value`}
                    inputMode="decimal"
                    label={t("benefits.solutions.targetValueOf", { n: j + 1, title: r.title, unit: r.unit })}
                    value={x.value}
                    error={errors[`benefits.${i}.targets.${j}.value`]}
                    onChange={(e) => patch(i, { targets: r.targets.map((y, k) => (k === j ? { ...y, value: e.target.value } : y)) })}
                  />
                </div>
              ))}
            </div>
          </Fieldset>
        ))}
        {general && (
          <Alert data-color="danger" role="alert">
            {general}
          </Alert>
        )}
        <div className="button-row">
          <Button type="submit" disabled={props.pending} aria-busy={props.pending}>
            {props.submitLabel}
          </Button>
          {props.onCancel && (
            <Button type="button" variant="secondary" onClick={props.onCancel}>
              {t("benefits.solutions.form.cancel")}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Adoption ("ta i bruk") by the municipality's manager: the template's latest version made its own, after a confirmation. */
function Adoption({ number, projectId }: { number: string; projectId: number }) {
  const { t } = useTranslation();
  const draft = useAdoptionDraft(number, projectId, true);
  const [pending, setPending] = useState<LocalPlanInput | null>(null);
  const adopt = useAdopt({ onSuccess: () => setPending(null) });
  if (!draft.isSuccess)
    return (
      <QueryView
        query={draft}
        notFound={<NotFoundNotice text={t("benefits.solutions.notFound")} to={`/kommune/${number}/gevinster`} back={t("benefits.crumb")} />}
      />
    );
  const d = draft.data;
  return (
    <>
      <Heading level={2} data-size="md">
        {t("benefits.solutions.adoptHeading", { name: d.name })}
      </Heading>
      <Paragraph>{t("benefits.solutions.adoptIntro", { owner: d.owner.name, number: d.templateVersion })}</Paragraph>
      <LocalPlanForm
        heading={t("benefits.solutions.adoptFormHeading")}
        submitLabel={t("benefits.solutions.adopt")}
        template={d.template}
        initial={d.plan}
        people={d.people}
        pending={adopt.isPending}
        error={adopt.error}
        onSubmit={setPending}
      />
      <ConfirmDialog
        request={
          pending
            ? {
                title: t("benefits.solutions.adoptTitle", { name: d.name }),
                body: t("benefits.solutions.adoptBody"),
                confirmLabel: t("benefits.solutions.adopt"),
              }
            : null
        }
        pending={adopt.isPending}
        error={adopt.error ? translateError(t, adopt.error).message : null}
        onConfirm={() => pending && adopt.mutate({ municipalityNumber: number, projectId, plan: pending })}
        onCancel={() => {
          setPending(null);
          adopt.reset();
        }}
      />
    </>
  );
}

/**
 * /kommune/:number/felles/:projectId: a municipality's local plan for a joint solution (issue 26). Its keepers
 * change it, its manager approves it and accepts a newer template version; before it is adopted, its manager
 * adopts it here. Others (the board, the secretariat) read the approved plan.
 */
export function LocalPlanPage({ municipality, projectId }: { municipality: { id: number; number: string }; projectId: number }) {
  const { t } = useTranslation();
  const number = municipality.number;
  const query = useLocalPlan(number, projectId);
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<"approve" | "accept" | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const save = useSaveLocalPlan({
    onSuccess: () => {
      setEditing(false);
      setMessage(t("benefits.solutions.planSaved"));
    },
  });
  const approve = useApproveLocalPlan({
    onSuccess: () => {
      setConfirm(null);
      setMessage(t("benefits.solutions.planApproved"));
    },
  });
  const accept = useAcceptTemplateVersion({
    onSuccess: () => {
      setConfirm(null);
      setMessage(t("benefits.solutions.versionAccepted"));
    },
  });
  const notAdopted = query.isError && readAppError(query.error)?.code === "NOT_FOUND";
  const canAdopt = useCan("benefits.approve", municipality.id);
  if (notAdopted) {
    return (
      <div className="stack">
        <AdoptionOrNotice number={number} projectId={projectId} canAdopt={canAdopt} />
      </div>
    );
  }
  if (!query.isSuccess) return <QueryView query={query} />;
  const { plan, template, newerTemplate, people } = query.data;
  const own = plan.showsWorkingPlan;
  const version = plan.version;
  return (
    <div className="stack">
      <Heading level={2} data-size="md">
        {t("benefits.solutions.pageTitle", { name: query.data.name })}
      </Heading>
      <Paragraph>
        {t("benefits.solutions.planOf", { name: plan.name, number: plan.number })} ·{" "}
        <Link to={`/gevinster/prosjekt/${projectId}`}>{t("benefits.solutions.toSolution", { owner: query.data.owner.name })}</Link>
      </Paragraph>
      <Paragraph data-testid="local-plan-status">
        <Tag data-color={plan.status === "approved" ? "success" : "warning"}>{t(`benefits.solutions.planStatus.${plan.status}`)}</Tag>{" "}
        {t("benefits.solutions.adoptedLine", { date: formatDate(plan.adoptedAt.slice(0, 10)), name: plan.adoptedByName })}
        {plan.approvedAt &&
          ` · ${t("benefits.solutions.approvedLine", { date: formatDate(plan.approvedAt.slice(0, 10)), name: plan.approvedByName ?? "" })}`}
        {plan.templateVersion !== null && ` · ${t("benefits.solutions.followsVersion", { number: plan.templateVersion })}`}
      </Paragraph>
      {!own && <Paragraph data-size="sm">{t("benefits.solutions.approvedOnly")}</Paragraph>}
      {message && (
        <Alert data-color="success" role="status" data-testid="local-plan-message">
          {message}
        </Alert>
      )}
      {own && newerTemplate && (
        <Alert data-color="info" data-testid="newer-template">
          {t("benefits.solutions.newerAvailable", { number: newerTemplate.number })}
          {plan.templateVersion !== null && (
            <>
              <Paragraph data-size="sm">
                {t("benefits.solutions.newerChanges", { number: newerTemplate.number, current: plan.templateVersion })}
              </Paragraph>
              <TemplateChanges diff={diffTemplateVersions(template, newerTemplate.benefits)} />
            </>
          )}
          {canAdopt && (
            <div className="button-row">
              <Button data-size="sm" variant="secondary" onClick={() => setConfirm("accept")}>
                {t("benefits.solutions.acceptVersion", { number: newerTemplate.number })}
              </Button>
            </div>
          )}
        </Alert>
      )}
      {own && version !== null && (
        <div className="button-row no-print">
          {people.length > 0 && !editing && (
            <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t("benefits.solutions.editPlan")}
            </Button>
          )}
          {canAdopt && plan.status !== "approved" && (
            <Button data-size="sm" onClick={() => setConfirm("approve")}>
              {t("benefits.solutions.approvePlan")}
            </Button>
          )}
        </div>
      )}
      {editing && version !== null && plan.inUseFrom && (
        <LocalPlanForm
          heading={t("benefits.solutions.editPlan")}
          submitLabel={t("benefits.solutions.savePlan")}
          template={template}
          initial={{
            inUseFrom: plan.inUseFrom,
            benefits: plan.benefits.map((b) => ({
              ...b,
              ownerUserId: b.ownerUserId ?? null,
              baselineFromFigures: b.linkedIndicatorCode !== null,
            })),
          }}
          people={people}
          pending={save.isPending}
          error={save.error}
          onSubmit={(p) => save.mutate({ municipalityNumber: number, projectId, expectedVersion: version, plan: p })}
          onCancel={() => {
            setEditing(false);
            save.reset();
          }}
        />
      )}
      {plan.benefits.length === 0 ? (
        <Paragraph>{t("benefits.solutions.noFigures")}</Paragraph>
      ) : (
        plan.benefits.map((b) => (
          <LocalBenefitView
            key={b.key}
            benefit={b}
            measuring={own ? { municipalityNumber: number, projectId, canMeasure: query.data.canMeasure, today: query.data.today } : null}
          />
        ))
      )}
      <ConfirmDialog
        request={
          confirm === "approve"
            ? {
                title: t("benefits.solutions.approveTitle"),
                body: t("benefits.solutions.approveBody"),
                confirmLabel: t("benefits.solutions.approvePlan"),
              }
            : confirm === "accept" && newerTemplate
              ? {
                  title: t("benefits.solutions.acceptTitle", { number: newerTemplate.number }),
                  body: t("benefits.solutions.acceptBody"),
                  confirmLabel: t("benefits.solutions.acceptVersion", { number: newerTemplate.number }),
                }
              : null
        }
        pending={approve.isPending || accept.isPending}
        error={approve.error ? translateError(t, approve.error).message : accept.error ? translateError(t, accept.error).message : null}
        onConfirm={() => {
          if (version === null) return;
          if (confirm === "approve") approve.mutate({ municipalityNumber: number, projectId, expectedVersion: version });
          else if (newerTemplate)
            accept.mutate({ municipalityNumber: number, projectId, expectedVersion: version, number: newerTemplate.number });
        }}
        onCancel={() => {
          setConfirm(null);
          approve.reset();
          accept.reset();
        }}
      />
    </div>
  );
}

/** Not adopted yet: its manager adopts it here; anyone else reads that it has not been adopted. */
function AdoptionOrNotice({ number, projectId, canAdopt }: { number: string; projectId: number; canAdopt: boolean }) {
  const { t } = useTranslation();
  return canAdopt ? (
    <Adoption number={number} projectId={projectId} />
  ) : (
    <NotFoundNotice text={t("benefits.solutions.notAdopted")} to={`/kommune/${number}/gevinster`} back={t("benefits.crumb")} />
  );
}
