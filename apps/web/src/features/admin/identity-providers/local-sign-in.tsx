import { Switch } from "@digdir/designsystemet-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../../components/confirm-dialog";
import { readAppError, translateError } from "../../../lib/errors";
import { useTRPC } from "../../../lib/trpc";
import { StatusNotice, type Notice } from "./status-notice";

/** Password sign-in for everyone: switching it off asks first, and the server refuses when it would lock people out. */
export function LocalSignIn({ enabled, onChanged }: { enabled: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const set = useMutation(trpc.admin.setLocalSignIn.mutationOptions());

  const errorText = (error: unknown) => {
    const appError = readAppError(error);
    const reason = appError?.params.reason;
    return appError?.code === "IN_USE" && typeof reason === "string" ? t(`identity.local.${reason}`, { defaultValue: translateError(t, error).message }) : translateError(t, error).message;
  };

  const change = (on: boolean) => {
    setMessage(null);
    set.mutate(
      { enabled: on },
      {
        onSuccess: (result) => {
          setAsking(false);
          setDialogError(null);
          setMessage({ kind: "success", text: t(result.localSignIn ? "identity.local.turnedOn" : "identity.local.turnedOff") });
          void onChanged();
        },
        onError: (error) => {
          if (on) setMessage({ kind: "danger", text: errorText(error) });
          else setDialogError(errorText(error));
        },
      },
    );
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
        request={asking ? { title: t("identity.local.confirmTitle"), body: t("identity.local.confirmBody"), confirmLabel: t("identity.local.confirm"), destructive: true } : null}
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

