import "../../features/benefits/benefits.css";
import { useParams } from "react-router";

import { IdeaPage } from "../../features/ideas/idea-page";
import { IdeasPage } from "../../features/ideas/ideas-page";
import { useIdeaTexts } from "../../features/ideas/texts";
import NotFound from "./not-found.route";

/** /ideer and /ideer/:id: the project-idea pipeline (issue 9). */
export default function IdeasRoute() {
  useIdeaTexts();
  const param = useParams().id;
  if (param === undefined) return <IdeasPage pack={false} />;
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? <IdeaPage id={id} /> : <NotFound />;
}
