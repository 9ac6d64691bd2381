import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { formatDateTime } from "../../lib/format";

export interface IssuedResetLink {
  /** Dialog heading, e.g. "The user is created". */
  readonly title: string;
  readonly name: string;
  readonly email: string;
  /** Null when the link went to the user by e-mail (issue 25): then it is never shown here. */
  readonly resetToken: string | null;
  readonly expiresAt: string;
}

/** The token goes in the fragment, so it stays out of server logs and Referer headers. */
export function resetLinkUrl(resetToken: string): string {
  return `${window.location.origin}/tilbakestill-passord#${resetToken}`;
}

type CopyState = "idle" | "copied" | "failed";

/** Shows a one-time password link once, with a copy button; nothing stores it afterwards. */
export function ResetLinkDialog({ link, onClose }: { link: IssuedResetLink | null; onClose: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [copy, setCopy] = useState<CopyState>("idle");
  const url = link?.resetToken ? resetLinkUrl(link.resetToken) : "";

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  };

  const close = () => {
    setCopy("idle");
    onClose();
  };

  return (
    <Dialog
      open={link !== null}
      onClose={close}
      closeButton={t("dialog.close")}
      aria-labelledby={headingId}
      data-testid="reset-link-dialog"
    >
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {link?.title}
        </Heading>
      </Dialog.Block>
      {link && !link.resetToken && (
        <Dialog.Block>
          <div className="admin-form">
            <Paragraph data-testid="reset-link-mailed">
              {t("admin.resetLink.mailed", { email: link.email, date: formatDateTime(link.expiresAt) })}
            </Paragraph>
            <div className="admin-actions">
              <Button variant="secondary" onClick={close}>
                {t("dialog.close")}
              </Button>
            </div>
          </div>
        </Dialog.Block>
      )}
      {link?.resetToken && (
        <Dialog.Block>
          <div className="admin-form">
            <Paragraph>{t("admin.resetLink.intro", { name: link.name, email: link.email })}</Paragraph>
            <Alert data-color="warning">{t("admin.resetLink.shownOnce")}</Alert>
            <Textfield
              label={t("admin.resetLink.label")}
              description={t("admin.resetLink.expires", { date: formatDateTime(link.expiresAt) })}
              value={url}
              readOnly
              data-testid="reset-link"
              onFocus={(e) => e.currentTarget.select()}
            />
            <div className="admin-actions">
              <Button onClick={() => void copyLink()}>{t("admin.resetLink.copy")}</Button>
              <Button variant="secondary" onClick={close}>
                {t("dialog.close")}
              </Button>
            </div>
            <div role="status">
              {copy !== "idle" && (
                <Paragraph data-size="sm">{t(copy === "copied" ? "admin.resetLink.copied" : "admin.resetLink.copyFailed")}</Paragraph>
              )}
            </div>
          </div>
        </Dialog.Block>
      )}
    </Dialog>
  );
}
