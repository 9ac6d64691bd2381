import { Heading, Paragraph } from "@digdir/designsystemet-react";
import type { OfficialName, WrittenStandard } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

export function MunicipalityHeader(props: {
  number: string;
  name: string;
  altName: string | null;
  /** Every official name with its language (KLASS 131's order); the name and altName when it has only one. */
  officialNames: readonly OfficialName[];
  writtenStandard: WrittenStandard | null;
  countyName: string;
  kostraGroup: string | null;
  kostraGroupName: string | null;
  kostraGroupSource: string | null;
  kostraGroupApproximate: boolean;
}) {
  const { t } = useTranslation();
  return (
    <header className="municipality-header">
      <Heading level={1} data-size="lg">
        {props.officialNames.length > 1 ? (
          props.officialNames.map((n, index) => (
            <span key={n.name} lang={n.language} className={index === 0 ? undefined : "alt-name"}>
              {index === 0 ? n.name : ` – ${n.name}`}
            </span>
          ))
        ) : (
          <>
            {props.name}
            {props.altName && <span className="alt-name"> – {props.altName}</span>}
          </>
        )}
      </Heading>
      <Paragraph>
        {t("municipalities.numberLabel", { number: props.number })} · {t("municipalities.countyLabel", { county: props.countyName })}
        {props.writtenStandard && (
          <>
            {" · "}
            <span data-testid="written-standard">
              {t("municipalities.writtenStandard", { standard: t(`municipalities.writtenStandards.${props.writtenStandard}`) })}
            </span>
          </>
        )}
      </Paragraph>
      <Paragraph data-size="sm" data-testid="kostra-group">
        {props.kostraGroup && props.kostraGroupApproximate
          ? t("municipalities.kostraApproximate", { name: props.kostraGroupName ?? "" })
          : props.kostraGroup
            ? t("municipalities.kostra", {
                group: props.kostraGroup,
                name: props.kostraGroupName ?? "",
                source: props.kostraGroupSource ?? "",
              })
            : t("municipalities.kostraNone")}
      </Paragraph>
    </header>
  );
}
