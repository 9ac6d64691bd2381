import { Heading, Link as DsLink, Paragraph, Search, Table } from "@digdir/designsystemet-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { useUrlState } from "../../lib/url-state";
import { useMunicipalities } from "./api";
import { matchesMunicipality } from "./search";
import { TableScroll } from "../../components/table-scroll";

export function MunicipalityList() {
  const { t } = useTranslation();
  const query = useMunicipalities();
  const [search, setSearch] = useUrlState<string>("q", "");
  const matches = useMemo(
    () => (query.data ?? []).filter((m) => matchesMunicipality(m, search)),
    [query.data, search],
  );

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t("municipalities.title")}
      </Heading>
      <Paragraph>{t("municipalities.intro")}</Paragraph>
      <form role="search" onSubmit={(e) => e.preventDefault()} className="search-form">
        <label htmlFor="municipality-search" className="ds-label">
          {t("municipalities.search")}
        </label>
        <Paragraph data-size="sm" id="municipality-search-description">
          {t("municipalities.searchDescription")}
        </Paragraph>
        <Search>
          <Search.Input
            id="municipality-search"
            aria-describedby="municipality-search-description"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          <Search.Clear onClick={() => setSearch("")} />
        </Search>
      </form>
      <QueryView query={query} />
      {query.data && (
        <>
          <Paragraph role="status" data-testid="municipality-count">
            {t("municipalities.count", { count: matches.length })}
          </Paragraph>
          {query.data.length === 0 ? (
            <EmptyState>{t("municipalities.emptyRegister")}</EmptyState>
          ) : matches.length === 0 ? (
            <EmptyState>{t("municipalities.emptySearch", { query: search })}</EmptyState>
          ) : (
            <TableScroll label={t("municipalities.title")}>
              <Table zebra data-size="sm" className="data-table municipality-table">
                <caption className="visually-hidden">{t("municipalities.title")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t("municipalities.number")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("municipalities.name")}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t("municipalities.county")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {matches.map((m) => (
                    <Table.Row key={m.number}>
                      <Table.Cell>{m.number}</Table.Cell>
                      <Table.Cell>
                        <DsLink asChild>
                          <Link to={`/kommune/${m.number}`}>{m.name}</Link>
                        </DsLink>
                        {m.altName && <span className="alt-name"> ({m.altName})</span>}
                      </Table.Cell>
                      <Table.Cell>{m.countyName}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </div>
  );
}
