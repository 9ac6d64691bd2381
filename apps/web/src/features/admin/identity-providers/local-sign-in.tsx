import { Switch } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../../components/confirm-dialog";
import { readAppError, translateError } from "../../../lib/errors";
import { useSetLocalSignIn } from "../api";
import { StatusNotice, type Notice } from "./status-notice";

/** Password sign-in for everyone: switching it off asks first, and the server refuses when it would lock people out. */
export function LocalSignIn({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const errorText = (error: unknown) => {
    const appError = readAppError(error);
    const reason = appError?.params.reason;
    return appError?.code === "IN_USE" && typeof reason === "string"
      ? t(`identity.local.${reason}`, { defaultValue: translateError(t, error).message })
      : translateError(t, error).message;
  };

  const set = useSetLocalSignIn({
    onSuccess: (result) => {
      setAsking(false);
      setDialogError(null);
      setMessage({ kind: "success", text: t(result.localSignIn ? "identity.local.turnedOn" : "identity.local.turnedOff") });
    },
    onError: (error, input) => {
      if (input.enabled) setMessage({ kind: "danger", text: errorText(error) });
      else setDialogError(errorText(error));
    },
  });

  const change = (on: boolean) => {
    setMessage(null);
    set.mutate({ enabled: on });
  };

  return (
    <div className="stack">
      <Switch
        id="local-sign-in"
        label={t("identity.local.label")}
        description={t(enabled ? "identity.local.descriptionOn" : "identity.local.descriptionOff")}
        checked={enabled}
        disabled={set.isPending}
        onChange={(e) => {
          if (e.target.checked) change(true);
          else {
            setMessage(null);
            setDialogError(null);
            setAsking(true);
          }
        }}
      />
      <StatusNotice notice={message} testId="local-sign-in-message" />
      <ConfirmDialog
        request={
          asking
            ? {
                title: t("identity.local.confirmTitle"),
                body: t("identity.local.confirmBody"),
                confirmLabel: t("identity.local.confirm"),
                destructive: true,
              }
            : null
        }
        pending={set.isPending}
        error={dialogError}
        onConfirm={() => change(false)}
        onCancel={() => {
          setAsking(false);
          setDialogError(null);
        }}
      />
    </div>
  );
}
