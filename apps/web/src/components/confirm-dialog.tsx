import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface ConfirmRequest {
  readonly title: string;
  readonly body: string;
  readonly confirmLabel: string;
  /** The button that changes nothing ("Avbryt" unless said otherwise). */
  readonly cancelLabel?: string;
  /** Red confirm button: the action takes something away. */
  readonly destructive?: boolean;
}

/**
 * Asks before a destructive action (docs/style.md#web). Stays mounted so the browser can hand focus
 * back to the button that opened it.
 */
export function ConfirmDialog(props: {
  request: ConfirmRequest | null;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  /** Fields the decision needs, such as a reason, shown under the body. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const bodyId = useId();
  const { request } = props;
  return (
    <Dialog
      open={request !== null}
      onClose={props.onCancel}
      closeButton={t("dialog.close")}
      aria-labelledby={headingId}
      aria-describedby={bodyId}
      data-testid="confirm-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {request?.title}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph id={bodyId}>{request?.body}</Paragraph>
        {props.children}
        {props.error && (
          <Alert data-color="danger" role="alert">
            {props.error}
          </Alert>
        )}
      </Dialog.Block>
      <Dialog.Block>
        <div className="admin-actions">
          <Button
            data-color={request?.destructive ? "danger" : "accent"}
            onClick={props.onConfirm}
            disabled={props.pending}
            aria-busy={props.pending}
          >
            {props.pending ? t("dialog.working") : request?.confirmLabel}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            {request?.cancelLabel ?? t("dialog.cancel")}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
