import { isOrganisationRole } from "@malestokk/domain";
import { lazy, Suspense } from "react";

import { grantsOf, useMe } from "../../lib/session";
import MunicipalityListRoute from "./municipality-list.route";

// Loaded only for a user bound to an organisation, so the first page of the others stays as small as before.
const StartView = lazy(() => import("../../features/municipalities/start-view"));

/**
 * The start page: a manager or finance user lands on "Min kommune" (what awaits them, issue 20 point 11);
 * users without an organisation (board, secretariat, sector council, admin) on the list of municipalities,
 * which stays at /kommuner for everyone.
 */
export default function HomeRoute() {
  const me = useMe();
  const bound = grantsOf(me.data).some((g) => g.organisationId !== null && isOrganisationRole(g.role));
  if (!bound) return <MunicipalityListRoute />;
  return (
    <Suspense fallback={null}>
      <StartView />
    </Suspense>
  );
}
