import { useState } from "react";

/**
 * A report form's message ("Lagret.", an error summary) that belongs to the report as it stood: it is
 * cleared once the report takes its next step (submitted, approved, returned), so that no stale
 * "Lagret." stays under a report that has moved on.
 */
export function useStepMessage<Message>(status: string | null | undefined) {
  const [message, setMessage] = useState<Message | null>(null);
  const [shownFor, setShownFor] = useState(status);
  if (shownFor !== status) {
    setShownFor(status);
    // A save may itself move the report to draft (the first save, or a returned report edited): its
    // "Lagret." is the news, not stale. Any other change of status is a step.
    if (shownFor != null && status !== "draft") setMessage(null);
  }
  return [message, setMessage] as const;
}
