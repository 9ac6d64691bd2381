import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "./confirm-dialog";

/** The in-app question before leaving unsaved changes: its own chunk, loaded once a form is changed. */
export default function LeaveDialog(props: { open: boolean; onLeave: () => void; onStay: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      request={
        props.open
          ? {
              title: t("leaveGuard.title"),
              body: t("leaveGuard.body"),
              confirmLabel: t("leaveGuard.leave"),
              cancelLabel: t("leaveGuard.stay"),
              destructive: true,
            }
          : null
      }
      pending={false}
      error={null}
      onConfirm={props.onLeave}
      onCancel={props.onStay}
    />
  );
}
