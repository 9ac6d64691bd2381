import { lazy, Suspense, useEffect } from "react";
import { useTranslation } from "react-i18next";

import { CooperativeList } from "../../features/municipalities/cooperative-list";
import { MunicipalityList } from "../../features/municipalities/municipality-list";

// Its texts and query stay out of the first page's bundle (docs/quality-targets.md#p-4).
const FollowUp = lazy(() => import("../../features/benefits/follow-up"));
const IdeaInvitationNotice = lazy(() => import("../../features/ideas/idea-invitation-notice"));

export default function MunicipalityListRoute() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t("municipalities.title")} – ${t("app.name")}`;
  }, [t]);
  return (
    <div className="stack">
      <Suspense fallback={null}>
        <FollowUp />
        <IdeaInvitationNotice />
      </Suspense>
      <MunicipalityList />
      <CooperativeList />
    </div>
  );
}
