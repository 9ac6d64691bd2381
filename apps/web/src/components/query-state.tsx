import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { translateError } from "../lib/errors";

// Most answers come within this: showing "Loading" for them only makes the page jump (CLS, P-1).
const LOADING_DELAY_MS = 400;

/** `minHeight` (a CSS length) keeps the room of what loads, so nothing below it moves when it arrives (CLS, P-1). */
export function Loading({ minHeight }: { minHeight?: string | undefined } = {}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="loading" role="status" style={minHeight ? { minHeight } : undefined}>
      {shown && (
        <>
          <Spinner aria-hidden data-size="sm" />
          <span>{t("app.loading")}</span>
        </>
      )}
    </div>
  );
}

export function QueryError({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" data-testid={testId}>
      <Paragraph>{translateError(t, error).message}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t("app.retry")}
        </Button>
      )}
    </Alert>
  );
}
