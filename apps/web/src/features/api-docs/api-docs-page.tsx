import { Heading, Link as DsLink, List, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";

/** The public API's endpoints and their parameters, in the order the page describes them (docs/open-data.md#api). */
const ENDPOINTS = [
  { id: "indicators", params: ["format", "lang"], example: "indicators?format=csv-no" },
  { id: "units", params: ["format", "lang"], example: "units" },
  { id: "values", params: ["indicator", "unit", "year", "format", "lang"], example: "values?indicator=K1&unit=5001&year=2020-2025" },
  { id: "groups", params: ["format", "lang"], example: "groups?lang=nn" },
  {
    id: "statistics",
    params: ["indicator", "group", "year", "format", "lang"],
    example: "statistics?indicator=K1&group=kostra&year=2025&format=jsonstat",
  },
] as const;

/** /api-dokumentasjon: how to read the published figures through /api/v1, for anyone, without signing in. */
export function ApiDocsPage() {
  const { t } = useTranslation();
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  return (
    <div className="stack narrow">
      <Heading level={1} data-size="lg">
        {t("apiDocs.title")}
      </Heading>
      <Paragraph>{t("apiDocs.intro")}</Paragraph>
      <List.Unordered>
        <List.Item>{t("apiDocs.formats")}</List.Item>
        <List.Item>{t("apiDocs.caching")}</List.Item>
        <List.Item>{t("apiDocs.limits")}</List.Item>
        <List.Item>{t("apiDocs.licence")}</List.Item>
      </List.Unordered>
      <Paragraph>
        <DsLink href="/api/v1/openapi.json">{t("apiDocs.openapi")}</DsLink>
      </Paragraph>
      {ENDPOINTS.map((endpoint) => (
        <section key={endpoint.id} className="stack" aria-labelledby={`api-${endpoint.id}`}>
          <Heading level={2} data-size="sm" id={`api-${endpoint.id}`}>
            <code>GET /api/v1/{endpoint.id}</code>
          </Heading>
          <Paragraph>{t(`apiDocs.endpoints.${endpoint.id}`)}</Paragraph>
          <DataTable
            caption={t("apiDocs.parametersOf", { endpoint: endpoint.id })}
            rows={endpoint.params}
            rowKey={(p) => p}
            columns={[
              { key: "name", header: t("apiDocs.parameter"), render: (p) => <code>{p}</code> },
              { key: "description", header: t("apiDocs.meaning"), render: (p) => t(`apiDocs.parameters.${p}`) },
            ]}
          />
          <Paragraph data-size="sm">{t("apiDocs.example")}</Paragraph>
          <pre className="api-example">
            <code>{`curl '${origin}/api/v1/${endpoint.example}'`}</code>
          </pre>
        </section>
      ))}
    </div>
  );
}
