import { Button, Table } from "@digdir/designsystemet-react";
import { SYSTEM_CLASS_NAMES } from "@malestokk/domain";
import { useTranslation } from "react-i18next";

import { TableScroll } from "../../components/table-scroll";
import { formatInteger } from "../../lib/format";
import type { SystemRow } from "./system-draft";
import { periodText } from "./system-text";

/** The id of a row's edit button, so focus can go back to it when an edit is cancelled. */
export function editButtonId(id: number): string {
  return `system-edit-${id}`;
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
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "nb";
  return (
    <TableScroll label={props.caption}>
      <Table zebra data-size="sm" className="data-table systems-table" data-testid="systems-table">
        <caption>{props.caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("systems.table.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("systems.table.vendor")}</Table.HeaderCell>
            <Table.HeaderCell>{t("systems.table.class")}</Table.HeaderCell>
            <Table.HeaderCell>{t("systems.table.svarUt")}</Table.HeaderCell>
            <Table.HeaderCell>{t("systems.table.inUse")}</Table.HeaderCell>
            <Table.HeaderCell className="numeric">{t("systems.table.lines")}</Table.HeaderCell>
            {props.canEdit && <Table.HeaderCell>{t("systems.table.actions")}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.rows.map((row) => (
            <Table.Row key={row.id} aria-current={props.editingId === row.id ? "true" : undefined}>
              <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
              <Table.Cell>{row.vendor ?? t("systems.table.noVendor")}</Table.Cell>
              <Table.Cell>{SYSTEM_CLASS_NAMES[row.systemClass][lang]}</Table.Cell>
              <Table.Cell>{row.svarUt ? t("systems.table.yes") : t("systems.table.no")}</Table.Cell>
              <Table.Cell>{periodText(t, row.inUseFrom, row.inUseTo)}</Table.Cell>
              <Table.Cell className="numeric">{formatInteger(row.lineCount)}</Table.Cell>
              {props.canEdit && (
                <Table.Cell>
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
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
