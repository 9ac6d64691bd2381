import { Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";

/** Says why something is empty and what to do next (docs/quality-targets.md#u-8). */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <Paragraph>{children}</Paragraph>
      {action}
    </div>
  );
}
