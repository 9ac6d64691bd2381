import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { readAppError, translateError } from "../../lib/errors";
import { conflictOf } from "../../lib/form-errors";
import { useDeleteSystem, useSaveSystem, useSystems } from "./api";
import {
  checkDraft,
  draftFromRow,
  EMPTY_DRAFT,
  sortByName,
  SYSTEM_FIELDS,
  type SystemDraft,
  type SystemField,
  type SystemRow,
} from "./system-draft";
import { NO_ERRORS, SYSTEM_FIELD_IDS, SystemForm, type SystemFormErrors } from "./system-form";
import { systemIssueText } from "./system-text";
import { editButtonId, SystemsTable } from "./systems-table";

type Message = { readonly kind: "success" | "info" | "warning" | "danger"; readonly text: string };

/** A save refused because the row changed since it was read: nothing is written until the user reloads. */
type Conflict = { readonly id: number; readonly name: string };

/** Deleting asks first; a system that cost lines use is refused, and the dialog says what to do instead. */
type Deleting = { readonly row: SystemRow; readonly inUse: number | null; readonly error: string | null };

function isSystemField(value: unknown): value is SystemField {
  return typeof value === "string" && (SYSTEM_FIELDS as readonly string[]).includes(value);
}

/**
 * The fagsystem register of one municipality: what its cost lines can be tied to. Finance staff
 * (and administrators) add, edit and delete; everyone else who may read the costs sees the table.
 */
export function SystemsRegister({
  municipalityNumber,
  municipalityName,
  canEdit,
}: {
  municipalityNumber: string;
  municipalityName: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const list = useSystems(municipalityNumber);
  const [draft, setDraft] = useState<SystemDraft>(EMPTY_DRAFT);
  const [editingName, setEditingName] = useState<string | null>(null);
  const [errors, setErrors] = useState<SystemFormErrors>(NO_ERRORS);
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [deleting, setDeleting] = useState<Deleting | null>(null);
  // Where focus goes after the next render: set by actions that remove or move what had focus.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  // Runs after the dialog's own effect has closed it (children's effects run first), so this
  // focus wins over the browser handing focus back to the button that opened the dialog.
  useEffect(() => {
    if (focusTarget === null) return;
    if (focusTarget === "message") messageRef.current?.focus();
    else if (focusTarget === "conflict") conflictRef.current?.focus();
    else document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const startEdit = (row: SystemRow, focus: SystemField = "name") => {
    setDraft(draftFromRow(row));
    setEditingName(row.name);
    setErrors(NO_ERRORS);
    setConflict(null);
    setMessage(null);
    setFocusTarget(SYSTEM_FIELD_IDS[focus]);
  };

  const stopEdit = () => {
    const id = draft.id;
    setDraft(EMPTY_DRAFT);
    setEditingName(null);
    setErrors(NO_ERRORS);
    setConflict(null);
    if (id !== null) setFocusTarget(editButtonId(id));
  };

  const save = useSaveSystem({
    onSuccess: (row) => {
      setDraft(EMPTY_DRAFT);
      setEditingName(null);
      setErrors(NO_ERRORS);
      setConflict(null);
      setMessage({ kind: "success", text: t("systems.saved", { name: row.name }) });
    },
    onError: (error, input) => {
      const conflict = input.id === null ? null : conflictOf(error, ["changed", "gone"]);
      if (conflict === "changed" && input.id !== null) {
        setConflict({ id: input.id, name: editingName ?? input.name });
        setFocusTarget("conflict");
        return;
      }
      if (conflict === "gone") {
        setDraft(EMPTY_DRAFT);
        setEditingName(null);
        setErrors(NO_ERRORS);
        setMessage({ kind: "warning", text: t("systems.conflict.gone", { name: editingName ?? input.name }) });
        setFocusTarget("message");
        return;
      }
      const fields: Partial<Record<SystemField, string>> = {};
      for (const issue of readAppError(error)?.issues ?? []) {
        const field = issue.path.at(-1);
        if (isSystemField(field)) fields[field] ??= systemIssueText(t, field, issue.code, issue.params);
      }
      const first = SYSTEM_FIELDS.find((f) => fields[f] !== undefined);
      if (first) {
        // The browser's checks passed, so the server found one thing (usually a taken name):
        // the message goes on the field, and focus goes there so it is read out with it.
        setErrors({ summary: null, fields });
        setFocusTarget(SYSTEM_FIELD_IDS[first]);
        return;
      }
      setErrors({ summary: translateError(t, error).message, fields: {} });
    },
  });

  const remove = useDeleteSystem({
    onSuccess: (_result, input) => {
      const name = list.data?.find((s) => s.id === input.id)?.name ?? deleting?.row.name ?? "";
      setDeleting(null);
      if (draft.id === input.id) {
        setDraft(EMPTY_DRAFT);
        setEditingName(null);
      }
      setMessage({ kind: "success", text: t("systems.deleted", { name }) });
      // The row and its delete button are gone: say what happened where focus lands.
      setFocusTarget("message");
    },
    onError: (error) => {
      const appError = readAppError(error);
      if (appError?.code === "IN_USE") {
        setDeleting((d) => d && { ...d, inUse: Number(appError.params.count ?? 0), error: null });
      } else if (conflictOf(error, ["gone"])) {
        setDeleting((d) => d && { ...d, error: t("systems.delete.gone") });
      } else {
        setDeleting((d) => d && { ...d, error: translateError(t, error).message });
      }
    },
  });

  const submit = () => {
    setMessage(null);
    const checked = checkDraft(draft);
    if (checked.input === null) {
      const fields: Partial<Record<SystemField, string>> = {};
      for (const issue of checked.issues) fields[issue.field] ??= systemIssueText(t, issue.field, issue.code, issue.params);
      setErrors({ summary: t("systems.form.errorSummary"), fields });
      return;
    }
    setErrors(NO_ERRORS);
    save.mutate({ municipalityNumber, ...checked.input });
  };

  const reloadLatest = async () => {
    if (!conflict) return;
    const fresh = await list.refetch();
    const latest = fresh.data?.find((s) => s.id === conflict.id);
    setConflict(null);
    setErrors(NO_ERRORS);
    if (latest) {
      setDraft(draftFromRow(latest));
      setEditingName(latest.name);
      setMessage({ kind: "info", text: t("systems.conflict.reloaded", { name: latest.name }) });
      setFocusTarget(SYSTEM_FIELD_IDS.name);
    } else {
      setDraft(EMPTY_DRAFT);
      setEditingName(null);
      setMessage({ kind: "warning", text: t("systems.conflict.gone", { name: conflict.name }) });
      setFocusTarget("message");
    }
  };

  if (!list.isSuccess) return <QueryView query={list} />;
  const rows = sortByName(list.data);
  const caption = t("systems.table.caption", { name: municipalityName });

  const conflictNotice = conflict && (
    <div ref={conflictRef} tabIndex={-1} className="systems-focus-target">
      <Alert data-color="warning" data-testid="system-conflict">
        <Paragraph>{t("systems.conflict.body", { name: conflict.name })}</Paragraph>
        <div className="button-row">
          <Button type="button" variant="secondary" data-size="sm" onClick={() => void reloadLatest()}>
            {t("systems.conflict.reload")}
          </Button>
        </div>
      </Alert>
    </div>
  );

  return (
    <div className="stack">
      <Paragraph>{t("systems.intro")}</Paragraph>
      {!canEdit && <Paragraph data-testid="systems-read-only">{t("systems.readOnly")}</Paragraph>}
      {rows.length === 0 ? (
        <EmptyState>{canEdit ? t("systems.emptyEdit") : t("systems.emptyRead")}</EmptyState>
      ) : (
        <SystemsTable
          rows={rows}
          caption={caption}
          canEdit={canEdit}
          editingId={draft.id}
          onEdit={(row) => startEdit(row)}
          onDelete={(row) => setDeleting({ row, inUse: null, error: null })}
        />
      )}
      <div ref={messageRef} tabIndex={-1} role="status" className="systems-focus-target">
        {message && (
          <Alert data-color={message.kind} data-testid="systems-message">
            {message.text}
          </Alert>
        )}
      </div>
      {canEdit && (
        <SystemForm
          draft={draft}
          editingName={editingName}
          errors={errors}
          pending={save.isPending}
          notice={conflictNotice}
          onChange={setDraft}
          onSubmit={submit}
          onCancel={stopEdit}
        />
      )}
      <ConfirmDialog
        request={
          deleting
            ? {
                title: t("systems.delete.title", { name: deleting.row.name }),
                body: t("systems.delete.body", { name: deleting.row.name }),
                confirmLabel: t("systems.delete.confirm"),
                destructive: true,
              }
            : null
        }
        pending={remove.isPending}
        error={deleting?.error ?? null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ municipalityNumber, id: deleting.row.id });
        }}
      >
        {deleting !== null && deleting.inUse !== null && (
          <Alert data-color="warning" role="alert" data-testid="system-in-use">
            <Paragraph>{t("systems.delete.inUse", { count: deleting.inUse, name: deleting.row.name })}</Paragraph>
            <div className="button-row">
              <Button
                type="button"
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  const row = list.data.find((s) => s.id === deleting.row.id) ?? deleting.row;
                  setDeleting(null);
                  startEdit(row, "inUseTo");
                }}
              >
                {t("systems.delete.setEndYear")}
              </Button>
            </div>
          </Alert>
        )}
      </ConfirmDialog>
    </div>
  );
}
