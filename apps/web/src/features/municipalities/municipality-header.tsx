import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

export function MunicipalityHeader(props: { number: string; name: string; altName: string | null; countyName: string }) {
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
    </header>
  );
}
