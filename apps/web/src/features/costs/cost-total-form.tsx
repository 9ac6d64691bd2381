import "../../lib/zod-setup";
import {
  Alert,
  Button,
  ErrorSummary,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import { ItCostTotalInputSchema, parseWholeKroner } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { Loading, QueryError } from "../../components/query-state";
import { translateError, translateFieldIssue } from "../../lib/errors";
import { formatDateTime, formatInteger, formatNok } from "../../lib/format";
import { useTRPC } from "../../lib/trpc";
import { useUrlState } from "../../lib/url-state";

type FieldName = "year" | "totalItCost";
const FIELD_IDS: Record<FieldName, string> = { year: "cost-year", totalItCost: "cost-total" };

interface FormErrors {
  readonly summary: string | null;
  readonly fields: Partial<Record<FieldName, string>>;
  readonly conflict: boolean;
}
const NO_ERRORS: FormErrors = { summary: null, fields: {}, conflict: false };

/** Finance staff enter or correct the year's total IT cost; K1 is recomputed on save. */
export function CostTotalForm({ municipalityNumber, canEdit }: { municipalityNumber: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const costs = useQuery(trpc.costs.list.queryOptions({ municipalityNumber }));
  const years = costs.data ?? [];
  const latestYear = years.at(-1)?.year;
  const [yearParam, setYearParam] = useUrlState<string>("year", "");
  const year = years.some((y) => String(y.year) === yearParam) ? Number(yearParam) : latestYear;
  const current = years.find((y) => y.year === year) ?? null;

  const [amount, setAmount] = useState("");
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Show the recorded figure when the year (or the recorded version) changes.
  const currentKey = `${year}:${current?.version ?? "none"}`;
  useEffect(() => {
    setAmount(current?.totalItCost === null || current === null ? "" : formatInteger(current.totalItCost));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the year or version changes
  }, [currentKey]);

  useEffect(() => {
    if (errors.summary) summaryRef.current?.focus();
  }, [errors]);

  const mutation = useMutation(
    trpc.costs.saveTotal.mutationOptions({
      onSuccess: async (row) => {
        setErrors(NO_ERRORS);
        setSaved(t("costs.saved", { value: formatNok(row.totalItCost ?? 0), year: row.year }));
        await Promise.all([
          queryClient.invalidateQueries(trpc.costs.pathFilter()),
          queryClient.invalidateQueries(trpc.benchmarks.pathFilter()),
        ]);
      },
      onError: (error) => {
        const translated = translateError(t, error);
        const fields: Partial<Record<FieldName, string>> = {};
        for (const [path, message] of Object.entries(translated.fields)) {
          if (path === "year" || path === "totalItCost") fields[path] = message;
        }
        setErrors({ summary: translated.message, fields, conflict: translated.code === "VERSION_CONFLICT" });
      },
    }),
  );

  if (costs.isPending) return <Loading />;
  if (costs.isError) return <QueryError error={costs.error} onRetry={() => void costs.refetch()} />;
  if (year === undefined) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const parsed = parseWholeKroner(amount);
    if (!parsed.ok) {
      const message = translateFieldIssue(t, "totalItCost", parsed.reason);
      setErrors({ summary: t("costs.errorSummary"), fields: { totalItCost: message }, conflict: false });
      return;
    }
    const input = {
      municipalityNumber,
      year,
      totalItCost: parsed.value,
      expectedVersion: current?.version ?? null,
    };
    // Same schema as the server: most mistakes are caught before a round trip.
    const checked = ItCostTotalInputSchema.safeParse(input);
    if (!checked.success) {
      const fields: Partial<Record<FieldName, string>> = {};
      for (const issue of checked.error.issues) {
        const field = issue.path[0];
        if ((field === "year" || field === "totalItCost") && fields[field] === undefined) {
          const params = Object.fromEntries(
            Object.entries(issue).filter(([, v]) => typeof v === "number" || typeof v === "string"),
          ) as Record<string, string | number>;
          fields[field] = translateFieldIssue(t, field, issue.code, params);
        }
      }
      setErrors({ summary: t("costs.errorSummary"), fields, conflict: false });
      return;
    }
    setErrors(NO_ERRORS);
    mutation.mutate(checked.data);
  };

  const reloadLatest = async () => {
    setErrors(NO_ERRORS);
    await queryClient.invalidateQueries(trpc.costs.pathFilter());
  };

  const fieldErrors = Object.entries(errors.fields) as [FieldName, string][];
  const closed = current?.yearState === "closed";
  const readOnly = closed || !canEdit;

  return (
    <section className="cost-form" aria-labelledby="cost-form-heading">
      <Heading level={2} data-size="sm" id="cost-form-heading">
        {t("costs.title")}
      </Heading>
      <Paragraph data-size="sm">{canEdit ? t("costs.intro") : t("costs.readOnly")}</Paragraph>
      {errors.summary && (
        <div ref={summaryRef} tabIndex={-1} className="error-summary-focus" data-testid="cost-error-summary">
        <ErrorSummary>
          <ErrorSummary.Heading>{errors.summary}</ErrorSummary.Heading>
          {fieldErrors.length > 0 && (
            <ErrorSummary.List>
              {fieldErrors.map(([field, message]) => (
                <ErrorSummary.Item key={field}>
                  <ErrorSummary.Link href={`#${FIELD_IDS[field]}`}>{message}</ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          )}
          {errors.conflict && (
            <Button variant="secondary" data-size="sm" onClick={() => void reloadLatest()}>
              {t("costs.conflictReload")}
            </Button>
          )}
        </ErrorSummary>
        </div>
      )}
      <form onSubmit={submit} noValidate className="cost-form__fields">
        <Field>
          <Label htmlFor={FIELD_IDS.year}>{t("costs.year")}</Label>
          <Select
            id={FIELD_IDS.year}
            value={String(year)}
            width="auto"
            aria-invalid={errors.fields.year ? true : undefined}
            onChange={(e) => {
              setErrors(NO_ERRORS);
              setSaved(null);
              setYearParam(e.target.value === String(latestYear) ? "" : e.target.value);
            }}
          >
            {years.map((y) => (
              <option key={y.year} value={y.year}>
                {y.year}
              </option>
            ))}
          </Select>
          {errors.fields.year && <ValidationMessage>{errors.fields.year}</ValidationMessage>}
        </Field>
        <Paragraph data-size="sm" data-testid="cost-current">
          {current && current.totalItCost !== null && current.source && current.updatedAt
            ? t("costs.current", {
                value: formatNok(current.totalItCost),
                source: t(`costs.source.${current.source}`),
                date: formatDateTime(current.updatedAt),
              })
            : t("costs.currentNone", { year })}
        </Paragraph>
        <Textfield
          id={FIELD_IDS.totalItCost}
          label={t("costs.total")}
          description={t("costs.totalDescription")}
          inputMode="numeric"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={errors.fields.totalItCost}
          readOnly={readOnly}
        />
        {closed && <Paragraph data-size="sm">{t("costs.closedYear")}</Paragraph>}
        {!readOnly && (
          <div>
            <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? t("costs.saving") : t("costs.save")}
            </Button>
          </div>
        )}
      </form>
      <div aria-live="polite" role="status">
        {saved && (
          <Alert data-color="success" data-testid="cost-saved">
            {saved}
          </Alert>
        )}
      </div>
    </section>
  );
}
