import { useEffect, useRef, type ReactNode } from "react";

/**
 * A polite live region for what a step did. When `focusOn` becomes a new non-null value the region
 * takes focus: the button that started the step may be disabled or gone, and focus must not fall
 * to the page (WCAG 2.4.3, 4.1.3).
 */
export function LiveStatus(props: { focusOn: unknown; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const { focusOn } = props;
  useEffect(() => {
    if (focusOn !== null && focusOn !== undefined && focusOn !== false) ref.current?.focus();
  }, [focusOn]);
  return (
    <div role="status" aria-live="polite" ref={ref} tabIndex={-1} className="live-status">
      {props.children}
    </div>
  );
}
