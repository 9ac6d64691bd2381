import { Switch } from "@digdir/designsystemet-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

import { useTRPC } from "../../lib/trpc";

/** Whether every local account must use two-step sign-in (administrators and the board always must). */
export function SecondFactorPolicy() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policy = useQuery(trpc.admin.secondFactorPolicy.queryOptions());
  const set = useMutation(trpc.admin.setSecondFactorPolicy.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.admin.secondFactorPolicy.pathFilter()) }));
  if (!policy.data) return null;
  return (
    <Switch
      id="second-factor-policy"
      label={t("auth.twoStep.policy")}
      description={t("auth.twoStep.policyDescription")}
      checked={policy.data.required}
      disabled={set.isPending}
      onChange={(e) => set.mutate({ required: e.target.checked })}
    />
  );
}
