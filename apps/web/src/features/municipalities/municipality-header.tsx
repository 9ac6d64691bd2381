import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

export function MunicipalityHeader(props: {
  number: string;
  name: string;
  altName: string | null;
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
        {props.name}
        {props.altName && <span className="alt-name"> – {props.altName}</span>}
      </Heading>
      <Paragraph>
        {t("municipalities.numberLabel", { number: props.number })} · {t("municipalities.countyLabel", { county: props.countyName })}
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
