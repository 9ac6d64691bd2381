import { listOrganisationRecipients, type DbOrTx, type ReportingUnit } from "@malestokk/db";
import { QUALITY_INSTRUMENT_PATHS, type QualityInstrument, type ReportAction } from "@malestokk/domain";

import { createSecretBox } from "../auth/secret-box";
import type { ChangeOptions } from "../context";
import { MAIL_OFF, queueNotice } from "./notify";

const NO_SECRETS = createSecretBox(null);

/**
 * A step on a report (issue 25, point 3), queued in the step's transaction: submitted → the unit's managers,
 * who approve; returned → the unit's finance staff (and, for a quality report, which managers answer for,
 * its managers), with the comment. The one who took the step is not told. All of them read the unit's
 * drafts in the app (`drafts.read`), so nothing is told that they could not see there.
 */
export function queueReportStepNotice(
  options: ChangeOptions,
  tx: DbOrTx,
  step: {
    readonly area: "costs" | "quality";
    readonly instrument?: QualityInstrument;
    readonly action: Exclude<ReportAction, "edit">;
    readonly unit: ReportingUnit;
    readonly year: number;
    readonly reportId: number;
    readonly version: number;
    readonly comment: string | null;
  },
): void {
  if (step.action === "approve") return;
  const kind = step.action === "submit" ? "reportSubmitted" : "reportReturned";
  const roles =
    step.action === "submit"
      ? (["manager"] as const)
      : step.area === "quality"
        ? (["finance", "manager"] as const)
        : (["finance"] as const);
  const recipients = listOrganisationRecipients(tx, { organisationId: step.unit.id, roles, kind }).filter(
    (r) => r.email.toLowerCase() !== options.actor.email.toLowerCase(),
  );
  const unit = { number: step.unit.number, name: step.unit.name, isCooperative: step.unit.kind === "itCooperative" };
  const instrument = step.instrument ? QUALITY_INSTRUMENT_PATHS[step.instrument] : undefined;
  const common = { area: step.area, unit, year: step.year, by: options.actor.name, instrument };
  queueNotice({ mail: options.mail ?? MAIL_OFF, secrets: NO_SECRETS, now: () => options.now }, tx, recipients, {
    key: `${kind}:${step.area}:${step.reportId}:v${step.version}`,
    content: kind === "reportSubmitted" ? { kind, ...common } : { kind, ...common, comment: step.comment ?? "" },
  });
}
