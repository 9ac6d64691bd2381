import { ErrorSummary } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";

/**
 * The summary above a form: the overall message and a link to each field with an error. It takes
 * focus when it appears, so a screen reader user hears what went wrong (Designsystemet pattern).
 */
export function FormErrorSummary(props: {
  summary: string | null;
  links: readonly { readonly id: string; readonly message: string }[];
  testId: string;
  /** The errors state: a new value means a new attempt failed, so focus moves here again. */
  focusKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { summary, links, focusKey } = props;
  useEffect(() => {
    if (summary) ref.current?.focus();
  }, [summary, focusKey]);
  if (!summary) return null;
  return (
    <div ref={ref} tabIndex={-1} className="error-summary-focus" data-testid={props.testId}>
      <ErrorSummary>
        <ErrorSummary.Heading>{summary}</ErrorSummary.Heading>
        {links.length > 0 && (
          <ErrorSummary.List>
            {links.map((link) => (
              <ErrorSummary.Item key={link.id}>
                <ErrorSummary.Link href={`#${link.id}`}>{link.message}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        )}
      </ErrorSummary>
    </div>
  );
}
