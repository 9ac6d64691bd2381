import { Paragraph } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";

import { roleLabel } from "./admin-text";
import { DataTable } from "../../components/data-table";

export type PermissionData = RouterOutputs["admin"]["permissions"];
type Permission = PermissionData["permissions"][number];
type Scope = "everywhere" | "ownOrganisation" | "none";

function scopeOf(data: PermissionData, permission: PermissionData["permissions"][number], role: PermissionData["roles"][number]): Scope {
  const rule = data.table[permission];
  // An organisation role listed for its own organisation holds nowhere else (domain `can`).
  if ((rule.ownOrganisation as readonly string[]).includes(role)) return "ownOrganisation";
  if (rule.everywhere.includes(role)) return "everywhere";
  return "none";
}

/** Who may do what, read from the same table the server checks (domain/auth/permissions.ts). */
export function PermissionMatrix({ data }: { data: PermissionData }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Paragraph data-size="sm" id="permission-legend">
        {t("admin.permissions.legend")}
      </Paragraph>
      <DataTable
        caption={t("admin.permissions.caption")}
        size="sm"
        zebra
        className="admin-table"
        describedBy="permission-legend"
        rows={data.permissions}
        rowKey={(permission) => permission}
        columns={[
          {
            key: "permission",
            header: t("admin.permissions.permission"),
            render: (permission) => t(`admin.permissions.items.${permission}.label`, { defaultValue: permission }),
          },
          {
            key: "meaning",
            header: t("admin.permissions.meaning"),
            render: (permission) => t(`admin.permissions.items.${permission}.description`, { defaultValue: "" }),
            cellProps: () => ({ className: "admin-permission__description" }),
          },
          ...data.roles.map((role) => ({
            key: `role-${role}`,
            header: roleLabel(t, role),
            cellProps: (permission: Permission) => ({ "data-scope": scopeOf(data, permission, role) }),
            render: (permission: Permission) => {
              const scope = scopeOf(data, permission, role);
              return scope === "none" ? (
                <>
                  <span aria-hidden="true">–</span>
                  <span className="visually-hidden">{t("admin.permissions.scope.none")}</span>
                </>
              ) : (
                t(`admin.permissions.scope.${scope}`)
              );
            },
          })),
        ]}
      />
    </div>
  );
}
