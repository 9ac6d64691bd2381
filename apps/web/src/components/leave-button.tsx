import { Button } from "@digdir/designsystemet-react";
import { useState } from "react";

import { ConfirmDialog } from "./confirm-dialog";

/** Leaving a joint project or idea (ADR 008): a red button that asks first; only a new invitation undoes it. */
export function LeaveButton(props: {
  label: string;
  title: string;
  body: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <div className="no-print">
      <Button variant="tertiary" data-color="danger" data-size="sm" onClick={() => setAsking(true)}>
        {props.label}
      </Button>
      <ConfirmDialog
        request={
          asking
            ? {
                title: props.title,
                body: props.body,
                confirmLabel: props.label,
                destructive: true,
              }
            : null
        }
        pending={props.pending}
        error={props.error}
        onConfirm={props.onConfirm}
        onCancel={() => {
          setAsking(false);
          props.onCancel();
        }}
      />
    </div>
  );
}
