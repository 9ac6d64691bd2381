import { Alert, Button, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../../components/data-table";
import { organisationLabel } from "../admin-text";
import type { AdminProvider } from "./provider-draft";

function ProviderStatus({ provider }: { provider: AdminProvider }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <span className="admin-tags">
        <Tag data-size="sm" data-color={provider.enabled ? "success" : "neutral"}>
          {t(provider.enabled ? "identity.list.enabled" : "identity.list.disabled")}
        </Tag>
        {provider.source === "environment" && (
          <Tag data-size="sm" data-color="info">
            {t("identity.list.environment")}
          </Tag>
        )}
        {provider.nationalRoles && (
          <Tag data-size="sm" data-color="warning">
            {t("identity.list.nationalRoles")}
          </Tag>
        )}
        {provider.vouchesForMfa && (
          <Tag data-size="sm" data-color="info">
            {t("identity.list.vouchesForMfa")}
          </Tag>
        )}
      </span>
      <span>{t(provider.hasClientSecret ? "identity.list.hasSecret" : "identity.list.noSecret")}</span>
      {provider.unknownOrganisations.length > 0 && (
        <Alert data-color="warning" data-size="sm">
          {t("identity.list.unknownOrganisations", { numbers: provider.unknownOrganisations.join(", ") })}
        </Alert>
      )}
    </div>
  );
}

export function ProviderTable(props: {
  providers: readonly AdminProvider[];
  onEdit: (provider: AdminProvider) => void;
  onDelete: (provider: AdminProvider) => void;
}) {
  const { t } = useTranslation();
  const { providers } = props;
  const caption = t("identity.list.caption", { count: providers.length });
  return (
    <section className="stack" aria-labelledby="provider-list-heading">
      <Heading level={2} data-size="sm" id="provider-list-heading">
        {t("identity.list.title")}
      </Heading>
      {providers.some((p) => p.source === "environment") && <Paragraph data-size="sm">{t("identity.list.envNote")}</Paragraph>}
      <DataTable
        caption={caption}
        zebra
        size="sm"
        className="admin-table"
        rows={providers}
        rowKey={(provider) => `${provider.source}-${provider.slug}`}
        rowProps={(provider) => ({ "data-testid": `provider-${provider.slug}` })}
        empty={t("identity.list.empty")}
        columns={[
          { key: "name", header: t("identity.list.columns.name") },
          { key: "slug", header: t("identity.list.columns.slug"), render: (provider) => <code>{provider.slug}</code> },
          { key: "issuer", header: t("identity.list.columns.issuer") },
          { key: "emailClaim", header: t("identity.list.columns.emailClaim"), render: (provider) => <code>{provider.emailClaim}</code> },
          {
            key: "organisations",
            header: t("identity.list.columns.organisations"),
            render: (provider) =>
              provider.organisations.length === 0 && provider.unknownOrganisations.length === 0 ? (
                t("identity.list.anyUser")
              ) : (
                <ul className="admin-roles">
                  {provider.organisations.map((o) => (
                    <li key={o.id}>{organisationLabel(t, o)}</li>
                  ))}
                  {provider.unknownOrganisations.map((number) => (
                    <li key={number}>{t("identity.list.unknownNumber", { number })}</li>
                  ))}
                </ul>
              ),
          },
          { key: "status", header: t("identity.list.columns.status"), render: (provider) => <ProviderStatus provider={provider} /> },
          {
            key: "actions",
            header: t("identity.list.columns.actions"),
            render: (provider) =>
              provider.source === "environment" ? (
                t("identity.list.envOnly")
              ) : (
                <div className="admin-actions admin-actions--compact">
                  <Button
                    variant="secondary"
                    data-size="sm"
                    aria-label={t("identity.list.editLabel", { name: provider.name })}
                    onClick={() => props.onEdit(provider)}
                  >
                    {t("identity.list.edit")}
                  </Button>
                  <Button
                    variant="secondary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={t("identity.list.deleteLabel", { name: provider.name })}
                    onClick={() => props.onDelete(provider)}
                  >
                    {t("identity.list.delete")}
                  </Button>
                </div>
              ),
          },
        ]}
      />
    </section>
  );
}
