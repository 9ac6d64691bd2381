import { Button, Paragraph } from "@digdir/designsystemet-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { TitledAlert } from "./status-notice";

type CopyState = "idle" | "copied" | "failed";

/** The one redirect URI every provider needs registered; none until PUBLIC_ORIGIN is set, and then sign-in through providers is closed. */
export function CallbackUri({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<CopyState>("idle");
  if (url === null)
    return (
      <TitledAlert
        color="danger"
        level={3}
        title={t("identity.callback.missingTitle")}
        body={t("identity.callback.missing")}
        testId="callback-uri"
      />
    );
  const copyUrl = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };
  return (
    <div className="stack" data-testid="callback-uri">
      <Paragraph data-size="sm">
        <strong>{t("identity.callback.label")}:</strong> <code>{url}</code>
      </Paragraph>
      <Paragraph data-size="sm">{t("identity.callback.description")}</Paragraph>
      <div>
        <Button variant="secondary" data-size="sm" onClick={() => void copyUrl()}>
          {t("identity.callback.copy")}
        </Button>
      </div>
      <div role="status">
        {copy !== "idle" && (
          <Paragraph data-size="sm">{t(copy === "copied" ? "identity.callback.copied" : "identity.callback.copyFailed")}</Paragraph>
        )}
      </div>
    </div>
  );
}
