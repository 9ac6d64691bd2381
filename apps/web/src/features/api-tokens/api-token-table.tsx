import { Button, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { formatDateShort, formatDateTimeShort } from "../../lib/format";
import type { ApiToken } from "./api";

const STATUS_COLOR = { active: "success", revoked: "neutral", expired: "neutral", inactive: "warning" } as const;

/** The id of a row's revoke button, so focus can go back to it when the dialog closes. */
export function revokeButtonId(token: ApiToken): string {
  return `api-token-revoke-${token.id}`;
}

/** Tokens as a table: name, visible id, who made it and when, expiry, last use, status, and revoke while it can still work. */
export function ApiTokenTable(props: {
  tokens: readonly ApiToken[];
  caption: string;
  empty: string;
  /** The administrators' list names each token's organisation, linking to its page. */
  showOrganisation?: boolean;
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  return (
    <DataTable
      caption={props.caption}
      zebra
      size="sm"
      testId="api-token-table"
      rows={props.tokens}
      rowKey={(token) => token.id}
      empty={props.empty}
      columns={[
        { key: "name", header: t("apiTokens.table.name"), render: (token) => token.name },
        { key: "id", header: t("apiTokens.table.id"), render: (token) => <code>{token.publicId}</code> },
        ...(props.showOrganisation
          ? [
              {
                key: "organisation",
                header: t("apiTokens.table.organisation"),
                render: (token: ApiToken) => (
                  <Link to={`/kommune/${token.organisationNumber}/api-nokler`}>
                    {token.organisationName} ({token.organisationNumber})
                  </Link>
                ),
              },
            ]
          : []),
        {
          key: "createdBy",
          header: t("apiTokens.table.createdBy"),
          render: (token) => token.createdByName ?? t("apiTokens.table.unknownPerson"),
        },
        { key: "created", header: t("apiTokens.table.created"), render: (token) => formatDateShort(token.createdAt) },
        { key: "expires", header: t("apiTokens.table.expires"), render: (token) => formatDateShort(token.expiresAt) },
        {
          key: "lastUsed",
          header: t("apiTokens.table.lastUsed"),
          render: (token) => (token.lastUsedAt === null ? t("apiTokens.table.never") : formatDateTimeShort(token.lastUsedAt)),
        },
        {
          key: "status",
          header: t("apiTokens.table.status"),
          render: (token) => (
            <Tag data-color={STATUS_COLOR[token.status]} data-size="sm">
              {t(`apiTokens.status.${token.status}`)}
            </Tag>
          ),
        },
        {
          key: "actions",
          header: t("apiTokens.table.actions"),
          render: (token) =>
            token.status === "revoked" || token.status === "expired" ? null : (
              <Button
                id={revokeButtonId(token)}
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                onClick={() => props.onRevoke(token)}
              >
                {t("apiTokens.table.revoke")}
                <span className="visually-hidden"> {token.name}</span>
              </Button>
            ),
        },
      ]}
    />
  );
}
