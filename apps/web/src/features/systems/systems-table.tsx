import { Button } from "@digdir/designsystemet-react";
import { SYSTEM_CLASS_NAMES } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/data-table";
import { formatInteger } from "../../lib/format";
import type { SystemRow } from "./system-draft";
import { periodText } from "./system-text";
import { useLanguage } from "../../lib/i18n";
import { localized } from "../../lib/localized";

/** The id of a row's edit button, so focus can go back to it when an edit is cancelled. */
export function editButtonId(id: number): string {
  return `system-edit-${id}`;
}

function SystemActions(props: { row: SystemRow; onEdit: (row: SystemRow) => void; onDelete: (row: SystemRow) => void }) {
  const { t } = useTranslation();
  const { row } = props;
  return (
    <div className="systems-actions">
      <Button id={editButtonId(row.id)} variant="tertiary" data-size="sm" onClick={() => props.onEdit(row)}>
        {t("systems.table.edit")}
        <span className="visually-hidden"> {row.name}</span>
      </Button>
      <Button variant="tertiary" data-size="sm" data-color="danger" onClick={() => props.onDelete(row)}>
        {t("systems.table.delete")}
        <span className="visually-hidden"> {row.name}</span>
      </Button>
    </div>
  );
}

/** The register as a table: one row per fagsystem, with edit and delete for those who may. */
export function SystemsTable(props: {
  rows: readonly SystemRow[];
  caption: string;
  canEdit: boolean;
  editingId: number | null;
  onEdit: (row: SystemRow) => void;
  onDelete: (row: SystemRow) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <DataTable
      caption={props.caption}
      zebra
      size="sm"
      className="systems-table"
      testId="systems-table"
      rows={props.rows}
      rowKey={(row) => row.id}
      rowProps={(row) => ({ "aria-current": props.editingId === row.id ? "true" : undefined })}
      columns={[
        { key: "name", header: t("systems.table.name") },
        { key: "vendor", header: t("systems.table.vendor"), render: (row) => row.vendor ?? t("systems.table.noVendor") },
        { key: "class", header: t("systems.table.class"), render: (row) => localized(SYSTEM_CLASS_NAMES[row.systemClass], lang) },
        {
          key: "svarUt",
          header: t("systems.table.svarUt"),
          render: (row) => (row.svarUt ? t("systems.table.yes") : t("systems.table.no")),
        },
        { key: "inUse", header: t("systems.table.inUse"), render: (row) => periodText(t, row.inUseFrom, row.inUseTo) },
        { key: "lines", header: t("systems.table.lines"), numeric: true, render: (row) => formatInteger(row.lineCount) },
        ...(props.canEdit
          ? [
              {
                key: "actions",
                header: t("systems.table.actions"),
                render: (row: SystemRow) => <SystemActions row={row} onEdit={props.onEdit} onDelete={props.onDelete} />,
              },
            ]
          : []),
      ]}
    />
  );
}
