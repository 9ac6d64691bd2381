import { Alert, Button, Paragraph } from "@digdir/designsystemet-react";
import { isNoticeKind } from "@malestokk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useUnsubscribe } from "./api";

/**
 * The page an unsubscribe link opens (issue 25): it asks first, since link checkers open links; the
 * button turns the one kind off. Mail clients that speak RFC 8058 POST to the same address instead.
 */
export function UnsubscribePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<"done" | "invalid" | null>(null);
  const unsubscribe = useUnsubscribe({ onSuccess: () => setOutcome("done"), onError: () => setOutcome("invalid") });
  const kind = token.split(".")[1];
  if (!token || !isNoticeKind(kind)) {
    return (
      <Alert data-color="warning" data-testid="unsubscribe-missing">
        <Paragraph>{t("mail.unsubscribe.missing")}</Paragraph>
        <Link to="/konto">{t("mail.unsubscribe.account")}</Link>
      </Alert>
    );
  }
  return (
    <div className="stack">
      <div role="status">
        {outcome === "done" && (
          <Alert data-color="success" data-testid="unsubscribe-done">
            <Paragraph>{t("mail.unsubscribe.done")}</Paragraph>
            <Link to="/konto">{t("mail.unsubscribe.account")}</Link>
          </Alert>
        )}
        {outcome === "invalid" && (
          <Alert data-color="danger" data-testid="unsubscribe-invalid">
            <Paragraph>{t("mail.unsubscribe.invalid")}</Paragraph>
            <Link to="/konto">{t("mail.unsubscribe.account")}</Link>
          </Alert>
        )}
      </div>
      {outcome === null && (
        <>
          <Paragraph>{t("mail.unsubscribe.intro", { kind: t(`mail.kinds.${kind}`) })}</Paragraph>
          <div>
            <Button disabled={unsubscribe.isPending} onClick={() => unsubscribe.mutate({ token })}>
              {t("mail.unsubscribe.confirm")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
