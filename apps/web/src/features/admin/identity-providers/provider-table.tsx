import { Alert, Button, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { EmptyState } from "../../../components/empty-state";
import { TableScroll } from "../../../components/table-scroll";
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

export function ProviderTable(props: { providers: readonly AdminProvider[]; onEdit: (provider: AdminProvider) => void; onDelete: (provider: AdminProvider) => void }) {
  const { t } = useTranslation();
  const { providers } = props;
  const caption = t("identity.list.caption", { count: providers.length });
  return (
    <section className="stack" aria-labelledby="provider-list-heading">
      <Heading level={2} data-size="sm" id="provider-list-heading">
        {t("identity.list.title")}
      </Heading>
      {providers.length === 0 ? (
        <EmptyState>{t("identity.list.empty")}</EmptyState>
      ) : (
        <>
          {providers.some((p) => p.source === "environment") && <Paragraph data-size="sm">{t("identity.list.envNote")}</Paragraph>}
          <TableScroll label={caption}>
            <Table zebra data-size="sm" className="data-table admin-table">
              <caption>{caption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.name")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.slug")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.issuer")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.emailClaim")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.organisations")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.status")}</Table.HeaderCell>
                  <Table.HeaderCell scope="col">{t("identity.list.columns.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {providers.map((provider) => (
                  <Table.Row key={`${provider.source}-${provider.slug}`} data-testid={`provider-${provider.slug}`}>
                    <Table.HeaderCell scope="row">{provider.name}</Table.HeaderCell>
                    <Table.Cell>
                      <code>{provider.slug}</code>
                    </Table.Cell>
                    <Table.Cell>{provider.issuer}</Table.Cell>
                    <Table.Cell>
                      <code>{provider.emailClaim}</code>
                    </Table.Cell>
                    <Table.Cell>
                      {provider.organisations.length === 0 && provider.unknownOrganisations.length === 0 ? (
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
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <ProviderStatus provider={provider} />
                    </Table.Cell>
                    <Table.Cell>
                      {provider.source === "environment" ? (
                        t("identity.list.envOnly")
                      ) : (
                        <div className="admin-actions admin-actions--compact">
                          <Button variant="secondary" data-size="sm" aria-label={t("identity.list.editLabel", { name: provider.name })} onClick={() => props.onEdit(provider)}>
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
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

