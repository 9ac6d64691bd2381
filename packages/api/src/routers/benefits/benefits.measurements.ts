import {
  deleteBenefit,
  deleteMeasurement,
  getBenefit,
  insertBenefit,
  insertMeasurement,
  listBenefits,
  listOrganisationPeople,
  updateBenefit,
  type Db,
} from "@malestokk/db";
import { checkBaseline, checkBenefit, checkMeasurement, MAX_BENEFITS, type BenefitInput, type MeasurementInput } from "@malestokk/domain";

import type { ChangeOptions } from "../../context";
import { AppError } from "../../errors";
import { audit, invalid, osloDate, requireProject } from "./benefits.service";

// Benefits of a plan and their measurements.

/** Creates (id null) or replaces a benefit from the version read, with every rule checked first. */
export function saveBenefit(
  db: Db,
  projectId: number,
  args: { id: number | null; expectedVersion: number | null; input: BenefitInput },
  options: ChangeOptions,
) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const before = args.id === null ? null : getBenefit(tx, projectId, args.id);
      if (args.id !== null && !before) throw new AppError("NOT_FOUND", { params: { benefitId: args.id } });
      const issues = checkBenefit(args.input, project.benefitMap);
      if (before) {
        const early = checkBaseline(args.input.baseline, before.measurements);
        if (early) issues.push({ path: ["baseline", "date"], code: early.code, params: { date: early.date } });
        if (args.input.linkedIndicatorCode !== null && before.measurements.length > 0) {
          issues.push({ path: ["linkedIndicatorCode"], code: "HAS_MEASUREMENTS", params: { count: before.measurements.length } });
        }
      }
      if (
        args.input.ownerUserId !== null &&
        !listOrganisationPeople(tx, project.ownerOrganisationId).some((p) => p.id === args.input.ownerUserId)
      ) {
        issues.push({ path: ["ownerUserId"], code: "NOT_IN_ORGANISATION", params: {} });
      }
      if (issues.length > 0) invalid(issues);
      const now = options.now.toISOString();
      let id: number;
      if (before && args.id !== null) {
        if (!updateBenefit(tx, { projectId, id: args.id, expectedVersion: args.expectedVersion ?? 0, input: args.input, now })) {
          throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
        }
        id = args.id;
      } else {
        if (listBenefits(tx, [projectId]).length >= MAX_BENEFITS)
          throw new AppError("VALIDATION_FAILED", {
            params: { max: MAX_BENEFITS },
            issues: [{ path: [], code: "TOO_MANY_BENEFITS", params: { max: MAX_BENEFITS } }],
          });
        id = insertBenefit(tx, { projectId, input: args.input, now });
      }
      const { measurements: _m, ...beforeFields } = before ?? { measurements: null };
      audit(
        tx,
        options.actor,
        options.now,
        before ? "benefits.benefitUpdated" : "benefits.benefitCreated",
        "benefit",
        id,
        project.ownerOrganisationId,
        {
          projectId,
          before: before ? beforeFields : null,
          after: args.input,
        },
      );
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function removeBenefit(db: Db, projectId: number, args: { id: number; expectedVersion: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const before = getBenefit(tx, projectId, args.id);
      if (!before) throw new AppError("NOT_FOUND", { params: { benefitId: args.id } });
      if (before.version !== args.expectedVersion) throw new AppError("VERSION_CONFLICT", { params: { currentVersion: before.version } });
      deleteBenefit(tx, projectId, args.id);
      audit(tx, options.actor, options.now, "benefits.benefitDeleted", "benefit", args.id, project.ownerOrganisationId, {
        projectId,
        before,
      });
    },
    { behavior: "immediate" },
  );
}

export function addMeasurement(
  db: Db,
  projectId: number,
  args: { benefitId: number; measurement: MeasurementInput },
  options: ChangeOptions,
) {
  return db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const benefit = getBenefit(tx, projectId, args.benefitId);
      if (!benefit) throw new AppError("NOT_FOUND", { params: { benefitId: args.benefitId } });
      if (benefit.linkedIndicatorCode !== null) {
        invalid([{ path: ["value"], code: "MEASURED_BY_INDICATOR", params: { indicatorCode: benefit.linkedIndicatorCode } }]);
      }
      const issues = checkMeasurement(args.measurement, benefit.baseline, osloDate(options.now));
      if (issues.length > 0) invalid(issues);
      const id = insertMeasurement(tx, {
        benefitId: benefit.id,
        ...args.measurement,
        userId: options.actor.userId,
        userName: options.actor.name,
        now: options.now.toISOString(),
      });
      audit(tx, options.actor, options.now, "benefits.measurementAdded", "benefit", benefit.id, project.ownerOrganisationId, {
        projectId,
        measurementId: id,
        after: args.measurement,
      });
      return { id };
    },
    { behavior: "immediate" },
  );
}

export function removeMeasurement(db: Db, projectId: number, args: { benefitId: number; measurementId: number }, options: ChangeOptions) {
  db.transaction(
    (tx) => {
      const project = requireProject(tx, projectId);
      const benefit = getBenefit(tx, projectId, args.benefitId);
      const before = benefit?.measurements.find((m) => m.id === args.measurementId);
      if (!benefit || !before || !deleteMeasurement(tx, benefit.id, args.measurementId)) {
        throw new AppError("NOT_FOUND", { params: { measurementId: args.measurementId } });
      }
      audit(tx, options.actor, options.now, "benefits.measurementDeleted", "benefit", benefit.id, project.ownerOrganisationId, {
        projectId,
        before,
      });
    },
    { behavior: "immediate" },
  );
}
