import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Select, Table, Textfield } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { SYSTEM_CLASS_NAMES, SYSTEM_CLASSES, type SystemClass } from "@malestokk/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { Loading, QueryError } from "../../components/query-state";
import { TableScroll } from "../../components/table-scroll";
import { readAppError, translateError } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";

type SystemRow = RouterOutputs["systems"]["list"][number];

interface Draft {
  readonly id: number | null;
  readonly version: number | null;
  readonly name: string;
  readonly vendor: string;
  readonly systemClass: SystemClass;
  readonly svarUt: boolean;
  readonly inUseFrom: string;
  readonly inUseTo: string;
}

const EMPTY: Draft = { id: null, version: null, name: "", vendor: "", systemClass: "caseArchive", svarUt: false, inUseFrom: "", inUseTo: "" };

function fromRow(s: SystemRow): Draft {
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    vendor: s.vendor ?? "",
    systemClass: s.systemClass,
    svarUt: s.svarUt,
    inUseFrom: s.inUseFrom === null ? "" : String(s.inUseFrom),
    inUseTo: s.inUseTo === null ? "" : String(s.inUseTo),
  };
}

type Field = "name" | "inUseFrom" | "inUseTo";

/** The organisation's fagsystemer: what cost lines can be tied to, kept by finance. */
export function SystemsRegister({ municipalityNumber, canEdit }: { municipalityNumber: string; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.systems.list.queryOptions({ municipalityNumber }));
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState<{ kind: "success" | "danger" | "warning"; text: string } | null>(null);
  const [deleting, setDeleting] = useState<SystemRow | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.systems.pathFilter());

  const save = useMutation(
    trpc.systems.save.mutationOptions({
      onSuccess: async (row) => {
        setMessage({ kind: "success", text: t("systems.saved", { name: row.name }) });
        setDraft(EMPTY);
        setErrors({});
        await refresh();
      },
      onError: (error) => {
        const appError = readAppError(error);
        if (appError?.code === "NAME_TAKEN") return setErrors({ name: t("systems.nameTaken") });
        if (appError?.code === "VERSION_CONFLICT") return setMessage({ kind: "warning", text: t("systems.conflict") });
        const issue = appError?.issues[0];
        if (issue?.code === "BEFORE_START") return setErrors({ inUseTo: t("systems.beforeStart") });
        setMessage({ kind: "danger", text: translateError(t, error).message });
      },
    }),
  );
  const remove = useMutation(trpc.systems.delete.mutationOptions());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const next: Partial<Record<Field, string>> = {};
    if (draft.name.trim() === "") next.name = t("systems.nameRequired");
    for (const field of ["inUseFrom", "inUseTo"] as const) {
      if (draft[field] !== "" && !/^\d{4}$/.test(draft[field].trim())) next[field] = t("systems.badYear");
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({
      municipalityNumber,
      id: draft.id,
      expectedVersion: draft.version,
      name: draft.name.trim(),
      vendor: draft.vendor.trim() || null,
      systemClass: draft.systemClass,
      svarUt: draft.svarUt,
      inUseFrom: draft.inUseFrom === "" ? null : Number(draft.inUseFrom),
      inUseTo: draft.inUseTo === "" ? null : Number(draft.inUseTo),
    });
  };

  if (list.isPending) return <Loading />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const systems = list.data;
  return (
    <div className="stack">
      <Paragraph>{t("systems.intro")}</Paragraph>
      {systems.length === 0 ? (
        <EmptyState>{canEdit ? t("systems.emptyEdit") : t("systems.empty")}</EmptyState>
      ) : (
        <TableScroll label={t("systems.caption")}>
          <Table data-size="sm" data-testid="systems-table">
            <caption>{t("systems.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("systems.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("systems.vendor")}</Table.HeaderCell>
                <Table.HeaderCell>{t("systems.class")}</Table.HeaderCell>
                <Table.HeaderCell>{t("systems.svarUt")}</Table.HeaderCell>
                <Table.HeaderCell>{t("systems.inUse")}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t("systems.lines")}</Table.HeaderCell>
                {canEdit && <Table.HeaderCell>{t("systems.actions")}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {systems.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                  <Table.Cell>{s.vendor ?? ""}</Table.Cell>
                  <Table.Cell>{SYSTEM_CLASS_NAMES[s.systemClass][lang]}</Table.Cell>
                  <Table.Cell>{s.svarUt ? t("systems.yes") : t("systems.no")}</Table.Cell>
                  <Table.Cell>{`${s.inUseFrom ?? "…"}–${s.inUseTo ?? ""}`}</Table.Cell>
                  <Table.Cell className="numeric">{s.lineCount}</Table.Cell>
                  {canEdit && (
                    <Table.Cell>
                      <div className="admin-actions">
                        <Button variant="tertiary" data-size="sm" onClick={() => (setDraft(fromRow(s)), setErrors({}), setMessage(null))}>
                          {t("systems.editLabel", { name: s.name })}
                        </Button>
                        <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => (setDeleting(s), setDeleteError(null))}>
                          {t("systems.deleteLabel", { name: s.name })}
                        </Button>
                      </div>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <div role="status" aria-live="polite">
        {message && (
          <Alert data-color={message.kind} data-testid="systems-message">
            {message.text}
          </Alert>
        )}
      </div>
      {canEdit && (
        <section className="panel" aria-labelledby="system-form-heading">
          <Heading level={2} data-size="xs" id="system-form-heading">
            {draft.id === null ? t("systems.addTitle") : t("systems.editTitle", { name: draft.name })}
          </Heading>
          <form onSubmit={submit} className="stack narrow-wide" noValidate>
            <Textfield id="system-name" label={t("systems.name")} value={draft.name} maxLength={120} error={errors.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
            <Textfield id="system-vendor" label={t("systems.vendor")} value={draft.vendor} maxLength={120} onChange={(e) => setDraft({ ...draft, vendor: e.target.value })} />
            <Field>
              <Label htmlFor="system-class">{t("systems.class")}</Label>
              <Select id="system-class" value={draft.systemClass} onChange={(e) => setDraft({ ...draft, systemClass: e.target.value as SystemClass })}>
                {SYSTEM_CLASSES.map((c) => (
                  <Select.Option key={c} value={c}>
                    {SYSTEM_CLASS_NAMES[c][lang]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Checkbox id="system-svarut" label={t("systems.svarUtLabel")} checked={draft.svarUt} onChange={(e) => setDraft({ ...draft, svarUt: e.target.checked })} />
            <div className="field-row">
              <Textfield id="system-from" label={t("systems.inUseFrom")} inputMode="numeric" value={draft.inUseFrom} error={errors.inUseFrom} onChange={(e) => setDraft({ ...draft, inUseFrom: e.target.value })} />
              <Textfield id="system-to" label={t("systems.inUseTo")} inputMode="numeric" value={draft.inUseTo} error={errors.inUseTo} onChange={(e) => setDraft({ ...draft, inUseTo: e.target.value })} />
            </div>
            <div className="button-row">
              <Button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
                {draft.id === null ? t("systems.add") : t("systems.save")}
              </Button>
              {draft.id !== null && (
                <Button type="button" variant="secondary" onClick={() => (setDraft(EMPTY), setErrors({}))}>
                  {t("systems.cancel")}
                </Button>
              )}
            </div>
          </form>
        </section>
      )}
      <ConfirmDialog
        request={deleting ? { title: t("systems.confirmTitle"), body: t("systems.confirmBody", { name: deleting.name }), confirmLabel: t("systems.delete"), destructive: true } : null}
        pending={remove.isPending}
        error={deleteError}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(
            { municipalityNumber, id: deleting.id },
            {
              onSuccess: () => {
                setMessage({ kind: "success", text: t("systems.deleted", { name: deleting.name }) });
                setDeleting(null);
                void refresh();
              },
              onError: (error) => {
                const appError = readAppError(error);
                setDeleteError(appError?.code === "IN_USE" ? t("systems.inUseError", { count: Number(appError.params.count ?? 0) }) : translateError(t, error).message);
              },
            },
          );
        }}
      />
    </div>
  );
}
