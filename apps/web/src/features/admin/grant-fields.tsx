import { Select, Textfield } from "@digdir/designsystemet-react";
import { isOrganisationRole, ROLES, SECTORS, type IssueParams, type Role, type Sector } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { SelectField } from "../../components/select-field";
import { isRole, isSector, roleLabel, sectorLabel } from "./admin-text";

export const GRANT_FIELDS = ["role", "municipalityNumber", "sector"] as const;
export type GrantField = (typeof GRANT_FIELDS)[number];

export interface GrantDraft {
  readonly role: Role | "";
  readonly municipalityNumber: string;
  readonly sector: Sector | "";
}

export const EMPTY_GRANT: GrantDraft = { role: "", municipalityNumber: "", sector: "" };

export interface GrantInput {
  readonly role: Role;
  readonly municipalityNumber?: string;
  readonly sector?: Sector;
}

export interface DraftIssue<F extends string> {
  readonly field: F;
  readonly code: string;
  readonly params?: IssueParams;
}

/**
 * The checks the server makes on a role before it looks anything up, so most mistakes show without a
 * round trip. Whether the municipality exists is the server's answer (NOT_FOUND).
 */
export function checkGrant(draft: GrantDraft): { input: GrantInput | null; issues: DraftIssue<GrantField>[] } {
  if (draft.role === "") return { input: null, issues: [{ field: "role", code: "REQUIRED" }] };
  const role = draft.role;
  if (isOrganisationRole(role)) {
    const number = draft.municipalityNumber.trim();
    if (number === "") return { input: null, issues: [{ field: "municipalityNumber", code: "REQUIRED" }] };
    // Four digits for a municipality, nine (an organisation number) for an IT cooperative.
    if (!/^(\d{4}|\d{9})$/.test(number)) return { input: null, issues: [{ field: "municipalityNumber", code: "invalid_format" }] };
    return { input: { role, municipalityNumber: number }, issues: [] };
  }
  if (role === "sectorCouncil") {
    if (draft.sector === "") return { input: null, issues: [{ field: "sector", code: "REQUIRED" }] };
    return { input: { role, sector: draft.sector }, issues: [] };
  }
  return { input: { role }, issues: [] };
}

export function grantFieldIds(prefix: string): Record<GrantField, string> {
  return { role: `${prefix}-role`, municipalityNumber: `${prefix}-municipality`, sector: `${prefix}-sector` };
}

/** Role, then the municipality (manager, finance) or the sector (sector council) the role needs. */
export function GrantFields(props: {
  idPrefix: string;
  draft: GrantDraft;
  errors: Partial<Record<GrantField, string>>;
  onChange: (draft: GrantDraft) => void;
}) {
  const { t } = useTranslation();
  const { draft, errors } = props;
  const ids = grantFieldIds(props.idPrefix);
  return (
    <>
      <SelectField
        id={ids.role}
        label={t("admin.fields.role")}
        error={errors.role}
        value={draft.role}
        onChange={(e) => {
          const value = e.target.value;
          props.onChange({ ...draft, role: isRole(value) ? value : "" });
        }}
      >
        <Select.Option value="">{t("admin.fields.chooseRole")}</Select.Option>
        {ROLES.map((role) => (
          <Select.Option key={role} value={role}>
            {roleLabel(t, role)}
          </Select.Option>
        ))}
      </SelectField>
      {draft.role !== "" && isOrganisationRole(draft.role) && (
        <Textfield
          id={ids.municipalityNumber}
          label={t("admin.fields.unitNumber")}
          description={t("admin.fields.unitNumberDescription")}
          inputMode="numeric"
          autoComplete="off"
          value={draft.municipalityNumber}
          onChange={(e) => props.onChange({ ...draft, municipalityNumber: e.target.value })}
          error={errors.municipalityNumber}
        />
      )}
      {draft.role === "sectorCouncil" && (
        <SelectField
          id={ids.sector}
          label={t("admin.fields.sector")}
          error={errors.sector}
          value={draft.sector}
          onChange={(e) => {
            const value = e.target.value;
            props.onChange({ ...draft, sector: isSector(value) ? value : "" });
          }}
        >
          <Select.Option value="">{t("admin.fields.chooseSector")}</Select.Option>
          {SECTORS.map((sector) => (
            <Select.Option key={sector} value={sector}>
              {sectorLabel(t, sector)}
            </Select.Option>
          ))}
        </SelectField>
      )}
    </>
  );
}
