import { Button, Heading, Link as DsLink, Paragraph, Search } from "@digdir/designsystemet-react";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { DataTable } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { QueryView } from "../../components/query-view";
import { useUrlState } from "../../lib/url-state";
import { useMunicipalities } from "./api";
import { matchesMunicipality } from "./search";

/**
 * The rows drawn before the user asks for all: two screens and more on a phone. All 357 at once cost a phone
 * about half a second of style and layout while the page starts (total blocking time, docs/quality-targets.md#p-3), and a
 * keyboard user 357 tab stops before what follows the table; the search finds any municipality either way.
 */
export const FIRST_ROWS = 50;

export function MunicipalityList() {
  const { t } = useTranslation();
  const query = useMunicipalities();
  const [search, setSearch] = useUrlState<string>("q", "");
  // In the address, so Back from a municipality returns to the whole list the user was scrolling.
  const [shown, setShown] = useUrlState<"" | "alle">("vis", "", (raw) => (raw === "alle" ? raw : null));
  const matches = useMemo(() => (query.data ?? []).filter((m) => matchesMunicipality(m, search)), [query.data, search]);
  const rows = shown === "alle" ? matches : matches.slice(0, FIRST_ROWS);
  const table = useRef<HTMLDivElement>(null);
  // The button goes away with the click: focus moves to the first row it brought, not back to the page's top.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (shown !== "alle" || focusRow.current === null) return;
    table.current?.querySelectorAll<HTMLAnchorElement>("tbody a")[focusRow.current]?.focus();
    focusRow.current = null;
  }, [shown]);

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
      {/* The register's table is taller than the screen: keep a screen's room while it loads. */}
      <QueryView query={query} reserve="100vh" />
      {query.data && (
        <>
          <Paragraph role="status" data-testid="municipality-count">
            {t("municipalities.count", { count: matches.length })}
          </Paragraph>
          {query.data.length === 0 ? (
            <EmptyState>{t("municipalities.emptyRegister")}</EmptyState>
          ) : (
            <div ref={table} className="stack">
              <DataTable
                caption={t("municipalities.title")}
                captionHidden
                zebra
                size="sm"
                className="municipality-table"
                rows={rows}
                rowKey={(m) => m.number}
                rowHeader={false}
                empty={t("municipalities.emptySearch", { query: search })}
                columns={[
                  { key: "number", header: t("municipalities.number") },
                  {
                    key: "name",
                    header: t("municipalities.name"),
                    render: (m) => (
                      <>
                        <DsLink asChild>
                          <Link to={`/kommune/${m.number}`}>{m.name}</Link>
                        </DsLink>
                        {m.officialNames.length > 1 ? (
                          <span className="alt-name">
                            {" ("}
                            {m.officialNames
                              .filter((n) => n.name !== m.name)
                              .map((n, index) => (
                                <span key={n.name} lang={n.language}>
                                  {index > 0 && " – "}
                                  {n.name}
                                </span>
                              ))}
                            {")"}
                          </span>
                        ) : (
                          m.altName && <span className="alt-name"> ({m.altName})</span>
                        )}
                      </>
                    ),
                  },
                  { key: "countyName", header: t("municipalities.county") },
                ]}
              />
              {rows.length < matches.length && (
                <div className="button-row" data-testid="municipality-more">
                  <Paragraph data-size="sm">{t("municipalities.shownFirst", { shown: rows.length, count: matches.length })}</Paragraph>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      focusRow.current = rows.length;
                      setShown("alle");
                    }}
                  >
                    {t("municipalities.showAll", { count: matches.length })}
                  </Button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
