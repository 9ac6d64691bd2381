import { Button, Dialog, Heading } from "@digdir/designsystemet-react";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { noErrors, translateFormError, translateFormIssue, type FormErrors } from "../../lib/form-errors";
import { roleLabel, sectorLabel, type AdminUser } from "./admin-text";
import { useAddRole } from "./api";
import { FormErrorSummary } from "../../components/form-error-summary";
import { checkGrant, EMPTY_GRANT, GRANT_FIELDS, grantFieldIds, GrantFields, type GrantDraft, type GrantField } from "./grant-fields";

const ID_PREFIX = "add-role";
const FIELD_IDS = grantFieldIds(ID_PREFIX);

/** Gives a user one more role. */
export function AddRoleDialog(props: { user: AdminUser | null; onClose: () => void; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState<GrantDraft>(EMPTY_GRANT);
  const [errors, setErrors] = useState<FormErrors<GrantField>>(noErrors);
  const { user } = props;

  const close = () => {
    setDraft(EMPTY_GRANT);
    setErrors(noErrors());
    props.onClose();
  };

  const mutation = useAddRole({
    onSuccess: (_result, input) => {
      const name = user?.name ?? "";
      close();
      const role = roleLabel(t, input.role);
      const scope = input.municipalityNumber ?? (input.sector ? sectorLabel(t, input.sector) : null);
      props.onAdded(t("admin.users.roleAdded", { role: scope ? t("admin.grant", { role, scope }) : role, name }));
    },
    onError: (error) => setErrors(translateFormError(t, error, GRANT_FIELDS, "admin")),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    const checked = checkGrant(draft);
    if (checked.input === null) {
      const fields: Partial<Record<GrantField, string>> = {};
      for (const issue of checked.issues) fields[issue.field] ??= translateFormIssue(t, "admin", issue.field, issue.code, issue.params);
      setErrors({ summary: t("admin.errors.summary"), fields });
      return;
    }
    setErrors(noErrors());
    mutation.mutate({ userId: user.id, ...checked.input });
  };

  const links = GRANT_FIELDS.flatMap((field) => {
    const message = errors.fields[field];
    return message ? [{ id: FIELD_IDS[field], message }] : [];
  });

  return (
    <Dialog open={user !== null} onClose={close} closeButton={t("dialog.close")} aria-labelledby={headingId} data-testid="add-role-dialog">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t("admin.addRole.title", { name: user?.name ?? "" })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <FormErrorSummary summary={errors.summary} links={links} testId="add-role-errors" focusKey={errors} />
        <form onSubmit={submit} noValidate className="admin-form">
          <GrantFields idPrefix={ID_PREFIX} draft={draft} errors={errors.fields} onChange={setDraft} />
          <div className="admin-actions">
            <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
              {mutation.isPending ? t("dialog.working") : t("admin.addRole.submit")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("dialog.cancel")}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
