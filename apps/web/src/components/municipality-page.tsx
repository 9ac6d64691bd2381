import { Breadcrumbs, Heading } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useQuery } from "@tanstack/react-query";
import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { useTRPC } from "../lib/trpc";
import { NotFoundNotice, QueryView } from "./query-view";

export type MunicipalityInfo = RouterOutputs["municipalities"]["get"];

/**
 * The frame of a page about one municipality: loads it, says "not found" for a bad number, sets
 * the document title, and shows the breadcrumbs (home, the municipality, `crumbs`) and the h1.
 */
export function MunicipalityPage(props: {
  number: string;
  /** The h1 and the document title, given the municipality's name. */
  heading: (name: string) => string;
  crumbs?: readonly { readonly to: string; readonly label: string }[];
  children: (municipality: MunicipalityInfo) => ReactNode;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const valid = /^\d{4}$/.test(props.number);
  const query = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: props.number }), enabled: valid, retry: false });
  const heading = query.data ? props.heading(query.data.name) : null;
  useEffect(() => {
    document.title = `${heading ?? props.number} – ${t("app.name")}`;
  }, [heading, props.number, t]);
  const notFound = <NotFoundNotice text={t("municipalities.notFound", { number: props.number })} to="/" back={t("app.toList")} />;
  if (!valid) return notFound;
  if (!query.isSuccess) return <QueryView query={query} notFound={notFound} />;
  const m = query.data;
  return (
    <div className="stack">
      <Breadcrumbs aria-label={t("nav.breadcrumbs")} className="no-print">
        <Breadcrumbs.List>
          {[{ to: "/", label: t("app.home") }, { to: `/kommune/${m.number}`, label: m.name }, ...(props.crumbs ?? [])].map((c) => (
            <Breadcrumbs.Item key={c.to}>
              <Breadcrumbs.Link asChild>
                <Link to={c.to}>{c.label}</Link>
              </Breadcrumbs.Link>
            </Breadcrumbs.Item>
          ))}
        </Breadcrumbs.List>
      </Breadcrumbs>
      <Heading level={1} data-size="lg">
        {heading}
      </Heading>
      {props.children(m)}
    </div>
  );
}
