import { Alert, Button, Paragraph, Spinner } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { translateError } from "../lib/errors";

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden data-size="sm" />
      <span>{t("app.loading")}</span>
    </div>
  );
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger">
      <Paragraph>{translateError(t, error).message}</Paragraph>
      {onRetry && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t("app.retry")}
        </Button>
      )}
    </Alert>
  );
}
