import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { useAllApiTokens } from "./api";
import { TokenList } from "./token-list";

/** Every organisation's API tokens, for administrators (Administrasjon → API-nøkler), each revocable. */
export function AllApiTokens() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Paragraph>{t("apiTokens.admin.intro")}</Paragraph>
      <TokenList
        query={useAllApiTokens()}
        caption={t("apiTokens.table.captionAll")}
        empty={t("apiTokens.table.emptyAll")}
        showOrganisation
      />
    </div>
  );
}
