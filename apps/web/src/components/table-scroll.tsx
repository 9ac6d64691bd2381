import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroll box. It can take keyboard focus, so people without a mouse can
 * scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable"), and is named by the table caption.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scroll container must be focusable
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
