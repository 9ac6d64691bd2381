import { Breadcrumbs, Paragraph } from "@digdir/designsystemet-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";

import { NotFoundNotice, QueryView } from "../../components/query-view";
import { K1Benchmark } from "../../features/benchmarks/k1-benchmark";
import { CostYears } from "../../features/costs/cost-years";
import { MunicipalityHeader } from "../../features/municipalities/municipality-header";
import { PopulationFacts } from "../../features/municipalities/population-facts";
import { useCan, useHasRoleIn } from "../../lib/session";
import { useTRPC } from "../../lib/trpc";

export default function MunicipalityRoute() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const number = useParams().number ?? "";
  const valid = /^\d{4}$/.test(number);
  const query = useQuery({ ...trpc.municipalities.get.queryOptions({ municipalityNumber: number }), enabled: valid, retry: false });
  const name = query.data?.name;
  const canReadCosts = useCan("costs.read", query.data?.id ?? null);
  const canReadBenefits = useCan("benefits.read", query.data?.id ?? null);
  // Sharing a peer set needs a role in this municipality itself (the server checks it too).
  const belongsHere = useHasRoleIn(query.data?.id ?? null);
  useEffect(() => {
    document.title = `${name ?? number} – ${t("app.name")}`;
  }, [name, number, t]);

  const crumbs = (
    <Breadcrumbs aria-label={t("nav.breadcrumbs")}>
      <Breadcrumbs.List>
        <Breadcrumbs.Item>
          <Breadcrumbs.Link asChild>
            <Link to="/">{t("app.home")}</Link>
          </Breadcrumbs.Link>
        </Breadcrumbs.Item>
      </Breadcrumbs.List>
    </Breadcrumbs>
  );

  const notFound = (
    <div className="stack">
      {crumbs}
      <NotFoundNotice text={t("municipalities.notFound", { number })} to="/" back={t("app.toList")} />
    </div>
  );
  if (!valid) return notFound;
  if (!query.isSuccess) return <QueryView query={query} notFound={notFound} />;
  const m = query.data;
  return (
    <div className="stack">
      {crumbs}
      <MunicipalityHeader
        number={m.number}
        name={m.name}
        altName={m.altName}
        officialNames={m.officialNames}
        writtenStandard={m.writtenStandard}
        countyName={m.countyName}
        kostraGroup={m.kostraGroup}
        kostraGroupName={m.kostraGroupName}
        kostraGroupSource={m.kostraGroupSource}
        kostraGroupApproximate={m.kostraGroupApproximate}
      />
      <Paragraph>
        <Link to={`/kommune/${m.number}/profil`}>{t("municipalities.profileLink")}</Link>
      </Paragraph>
      {canReadBenefits && (
        <Paragraph>
          <Link to={`/kommune/${m.number}/gevinster`}>{t("municipalities.benefitsLink")}</Link>
        </Paragraph>
      )}
      <K1Benchmark municipalityNumber={m.number} municipalityName={m.name} canShareWithMunicipality={belongsHere} />
      <PopulationFacts municipalityNumber={m.number} name={m.name} />
      {canReadCosts ? (
        <CostYears municipalityNumber={m.number} />
      ) : (
        <Paragraph data-testid="cost-no-access">{t("costs.noAccess")}</Paragraph>
      )}
    </div>
  );
}
