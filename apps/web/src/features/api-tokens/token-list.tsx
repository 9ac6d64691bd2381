import { Alert } from "@digdir/designsystemet-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDialog } from "../../components/confirm-dialog";
import { QueryView } from "../../components/query-view";
import { translateError } from "../../lib/errors";
import { useRevokeApiToken, type ApiToken } from "./api";
import { ApiTokenTable, revokeButtonId } from "./api-token-table";

/**
 * A list of tokens as its query gives it, each revocable after confirming (docs/style.md#web); says
 * which one was revoked, and hands focus back to its button when the dialog is cancelled.
 */
export function TokenList(props: {
  query: UseQueryResult<ApiToken[], unknown>;
  caption: string;
  empty: string;
  showOrganisation?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<ApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const revoke = useRevokeApiToken({
    onSuccess: (token) => {
      setAsking(null);
      setMessage(t("apiTokens.revoke.done", { name: token.name }));
    },
    onError: (e) => setError(translateError(t, e).message),
  });
  const cancel = () => {
    const id = asking ? revokeButtonId(asking) : null;
    setAsking(null);
    setError(null);
    if (id) document.getElementById(id)?.focus();
  };
  return (
    <>
      {message && (
        <Alert data-color="success" role="status">
          {message}
        </Alert>
      )}
      {props.query.isSuccess ? (
        <ApiTokenTable
          tokens={props.query.data}
          caption={props.caption}
          empty={props.empty}
          showOrganisation={props.showOrganisation ?? false}
          onRevoke={(token) => {
            setError(null);
            setAsking(token);
          }}
        />
      ) : (
        <QueryView query={props.query} />
      )}
      <ConfirmDialog
        request={
          asking && {
            title: t("apiTokens.revoke.title", { name: asking.name }),
            body: t("apiTokens.revoke.body", { id: asking.publicId }),
            confirmLabel: t("apiTokens.revoke.confirm"),
            destructive: true,
          }
        }
        pending={revoke.isPending}
        error={error}
        onConfirm={() => {
          if (asking) revoke.mutate({ municipalityNumber: asking.organisationNumber, tokenId: asking.id });
        }}
        onCancel={cancel}
      />
    </>
  );
}
