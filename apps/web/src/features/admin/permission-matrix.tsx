import { Paragraph, Table } from "@digdir/designsystemet-react";
import type { RouterOutputs } from "@malestokk/api";
import { useTranslation } from "react-i18next";

import { roleLabel } from "./admin-text";
import { TableScroll } from "../../components/table-scroll";

export type PermissionData = RouterOutputs["admin"]["permissions"];
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
      <TableScroll label={t("admin.permissions.caption")}>
        <Table data-size="sm" zebra className="data-table admin-table" aria-describedby="permission-legend">
          <caption>{t("admin.permissions.caption")}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t("admin.permissions.permission")}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t("admin.permissions.meaning")}</Table.HeaderCell>
              {data.roles.map((role) => (
                <Table.HeaderCell key={role} scope="col">
                  {roleLabel(t, role)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.permissions.map((permission) => (
              <Table.Row key={permission}>
                <Table.HeaderCell scope="row">
                  {t(`admin.permissions.items.${permission}.label`, { defaultValue: permission })}
                </Table.HeaderCell>
                <Table.Cell className="admin-permission__description">
                  {t(`admin.permissions.items.${permission}.description`, { defaultValue: "" })}
                </Table.Cell>
                {data.roles.map((role) => {
                  const scope = scopeOf(data, permission, role);
                  return (
                    <Table.Cell key={role} data-scope={scope}>
                      {scope === "none" ? (
                        <>
                          <span aria-hidden="true">–</span>
                          <span className="visually-hidden">{t("admin.permissions.scope.none")}</span>
                        </>
                      ) : (
                        t(`admin.permissions.scope.${scope}`)
                      )}
                    </Table.Cell>
                  );
                })}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableScroll>
    </div>
  );
}
