import { Checkbox, Textfield } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { FIELD_IDS } from "./provider-draft";

/**
 * The client secret is write-only: the field is never filled from the server, blank keeps the stored
 * secret, and removing it is a separate choice. `stored` is null for a new provider.
 */
export function ClientSecretField(props: {
  stored: boolean | null;
  secret: string;
  remove: boolean;
  error: string | undefined;
  onSecret: (value: string) => void;
  onRemove: (remove: boolean) => void;
}) {
  const { t } = useTranslation();
  const description =
    props.stored === null
      ? t("identity.form.clientSecretNew")
      : props.stored
        ? t("identity.form.clientSecretStored")
        : t("identity.form.clientSecretNone");
  return (
    <>
      <Textfield
        id={FIELD_IDS.clientSecret}
        label={t("identity.form.clientSecret")}
        description={description}
        type="password"
        autoComplete="new-password"
        value={props.secret}
        disabled={props.remove}
        onChange={(e) => props.onSecret(e.target.value)}
        error={props.error}
      />
      {props.stored === true && (
        <Checkbox
          id="provider-remove-secret"
          label={t("identity.form.removeSecret")}
          checked={props.remove}
          onChange={(e) => props.onRemove(e.target.checked)}
        />
      )}
    </>
  );
}
