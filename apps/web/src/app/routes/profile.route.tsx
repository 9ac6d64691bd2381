import { Button } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";

import { MunicipalityPage } from "../../components/municipality-page";
import { MunicipalityProfile } from "../../features/profile/profile";

/** /kommune/NNNN/profil: "Min kommune", every indicator against the peer group. */
export default function ProfileRoute() {
  const { t } = useTranslation();
  return (
    <MunicipalityPage number={useParams().number ?? ""} heading={(name) => `${t("profile.title")} – ${name}`}>
      {(m) => (
        <>
          <div className="button-row no-print">
            <Button variant="secondary" data-size="sm" onClick={() => window.print()}>
              {t("profile.print")}
            </Button>
          </div>
          <MunicipalityProfile municipalityNumber={m.number} />
        </>
      )}
    </MunicipalityPage>
  );
}
