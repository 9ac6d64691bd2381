import "../../features/benefits/benefits.css";
import { useParams } from "react-router";

import { ProjectPage } from "../../features/benefits/project-page";
import { useBenefitTexts } from "../../features/benefits/texts";
import NotFound from "./not-found.route";

/** /gevinster/prosjekt/:projectId: one project's benefit realization plan (issue 8). */
export default function ProjectRoute() {
  useBenefitTexts();
  const id = Number(useParams().projectId);
  return Number.isInteger(id) && id > 0 ? <ProjectPage projectId={id} /> : <NotFound />;
}
