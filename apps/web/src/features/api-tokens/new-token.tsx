import { Alert, Button, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * The secret of a token just made, shown this once: a clear warning, the token in a read-only field to
 * select, and a copy button. Focus moves to its heading so a screen reader hears it first.
 */
export function NewToken(props: { name: string; token: string; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copy, setCopy] = useState<"copied" | "copyFailed" | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const onCopy = () => {
    navigator.clipboard.writeText(props.token).then(
      () => setCopy("copied"),
      () => setCopy("copyFailed"),
    );
  };
  return (
    <Alert data-color="warning" data-testid="api-token-secret">
      <div className="stack">
        <Heading level={2} data-size="xs" ref={heading} tabIndex={-1}>
          {t("apiTokens.secret.heading", { name: props.name })}
        </Heading>
        <Paragraph>{t("apiTokens.secret.warning")}</Paragraph>
        <Textfield
          id="api-token-secret-value"
          label={t("apiTokens.secret.label")}
          value={props.token}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.target.select()}
        />
        <div className="button-row">
          <Button type="button" onClick={onCopy}>
            {t("apiTokens.secret.copy")}
          </Button>
          <Button type="button" variant="secondary" onClick={props.onDone}>
            {t("apiTokens.secret.done")}
          </Button>
        </div>
        <p role="status" className={copy ? undefined : "visually-hidden"}>
          {copy && t(`apiTokens.secret.${copy}`)}
        </p>
      </div>
    </Alert>
  );
}
