import { useParams } from "react-router";

import { OpenMunicipalityPage } from "../../features/open/open-municipality";
import { useOpenTexts } from "../../features/open/open-texts";

/** /apne-data/kommune/NNNN: a municipality's published figures, open to everyone. */
export default function OpenMunicipalityRoute() {
  useOpenTexts();
  const number = useParams().number ?? "";
  return <OpenMunicipalityPage key={number} municipalityNumber={number} />;
}
