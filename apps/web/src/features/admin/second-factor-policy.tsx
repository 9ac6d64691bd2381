import { Switch } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";

import { QueryView } from "../../components/query-view";
import { useSecondFactorPolicy, useSetSecondFactorPolicy } from "./api";

/** Whether every local account must use two-step sign-in (administrators and the board always must). */
export function SecondFactorPolicy() {
  const { t } = useTranslation();
  const policy = useSecondFactorPolicy();
  const set = useSetSecondFactorPolicy();
  // The users list below says when the administrator may not see this; a failure of its own shows here.
  return (
    <QueryView query={policy} pending={null} forbidden={false} testId="second-factor-policy">
      {({ required }) => (
        <Switch
          id="second-factor-policy"
          label={t("auth.twoStep.policy")}
          description={t("auth.twoStep.policyDescription")}
          checked={required}
          disabled={set.isPending}
          onChange={(e) => set.mutate({ required: e.target.checked })}
        />
      )}
    </QueryView>
  );
}
