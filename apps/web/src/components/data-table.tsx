import { Table } from "@digdir/designsystemet-react";
import type { HTMLAttributes, Key, ReactNode, TdHTMLAttributes } from "react";

import { EmptyState } from "./empty-state";
import { TableScroll } from "./table-scroll";

/** A column of a table: the key of its cells, its header, and whether its figures align right. */
export interface TableColumn {
  readonly key: string;
  readonly header: string;
  readonly numeric?: boolean;
}

/** A column of a `DataTable`, whose header and cells may be more than text. */
export interface DataColumn<Row> extends Omit<TableColumn, "header"> {
  readonly header: ReactNode;
  /** The cell (a link, an input, a badge); by default the row's value at `key`. */
  readonly render?: (row: Row, index: number) => ReactNode;
  /** The header is read out but not shown, e.g. over a column of buttons. */
  readonly hideHeader?: boolean;
  /** Attributes of a body cell, e.g. a class or a data attribute for styling. */
  readonly cellProps?: (row: Row, index: number) => CellAttributes;
}

type CellAttributes = TdHTMLAttributes<HTMLTableCellElement> & { [data: `data-${string}`]: string };

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string };

export interface DataTableProps<Row> {
  readonly caption: string;
  /** The caption is read out but not shown, where a heading or the page already says it. */
  readonly captionHidden?: boolean;
  /** The scroll region's name where it differs from the caption; the caption by default. */
  readonly scrollLabel?: string;
  readonly columns: readonly DataColumn<Row>[];
  readonly rows: readonly Row[];
  /** By default the row's place in the list. */
  readonly rowKey?: (row: Row, index: number) => Key;
  /** The column whose cells name their row (`th scope="row"`): the first by default, none with `false`. */
  readonly rowHeader?: string | false;
  /** Attributes of a body row, e.g. a test id or `aria-current`. */
  readonly rowProps?: (row: Row, index: number) => RowAttributes;
  /** Rows under the body (totals): cell content by column key. */
  readonly footer?: readonly Readonly<Record<string, ReactNode>>[];
  /** Shown instead of the table when there are no rows (docs/style.md#web); the table is shown empty without it. */
  readonly empty?: ReactNode;
  /** What to do next, under the empty text. */
  readonly emptyAction?: ReactNode;
  readonly zebra?: boolean;
  readonly size?: "sm" | "md" | "lg";
  /** Added to `data-table`. */
  readonly className?: string;
  readonly testId?: string;
  readonly describedBy?: string;
}

function cellText(row: unknown, key: string): ReactNode {
  const value = (row as Record<string, unknown>)[key];
  return typeof value === "string" || typeof value === "number" ? value : null;
}

/**
 * Every table of the app: a caption (shown or read out only), column headers with `scope="col"`, a
 * row header per row, numeric columns aligned right with tabular figures, in the focusable scroll
 * region named by the caption (`TableScroll`), and an empty state instead of an empty table.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns } = props;
  if (props.rows.length === 0 && props.empty !== undefined) {
    return <EmptyState action={props.emptyAction}>{props.empty}</EmptyState>;
  }
  const rowHeader = props.rowHeader === undefined ? columns[0]?.key : props.rowHeader;
  const numeric = (c: DataColumn<Row>) => (c.numeric ? "numeric" : undefined);
  const cells = (
    content: (c: DataColumn<Row>) => ReactNode,
    attributes: (c: DataColumn<Row>) => CellAttributes | undefined = () => undefined,
  ) =>
    columns.map((c) => {
      const { className, ...rest } = attributes(c) ?? {};
      const classes = [numeric(c), className].filter(Boolean).join(" ") || undefined;
      return c.key === rowHeader ? (
        <Table.HeaderCell key={c.key} scope="row" {...rest} className={classes}>
          {content(c)}
        </Table.HeaderCell>
      ) : (
        <Table.Cell key={c.key} {...rest} className={classes}>
          {content(c)}
        </Table.Cell>
      );
    });
  return (
    <TableScroll label={props.scrollLabel ?? props.caption}>
      <Table
        zebra={props.zebra}
        data-size={props.size}
        className={props.className ? `data-table ${props.className}` : "data-table"}
        data-testid={props.testId}
        aria-describedby={props.describedBy}
      >
        <caption className={props.captionHidden ? "visually-hidden" : undefined}>{props.caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.key} scope="col" className={numeric(c)}>
                {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {props.rows.map((row, i) => (
            <Table.Row key={props.rowKey ? props.rowKey(row, i) : i} {...props.rowProps?.(row, i)}>
              {cells(
                (c) => (c.render ? c.render(row, i) : cellText(row, c.key)),
                (c) => c.cellProps?.(row, i),
              )}
            </Table.Row>
          ))}
        </Table.Body>
        {props.footer && props.footer.length > 0 && (
          <Table.Foot>
            {props.footer.map((row, i) => (
              <Table.Row key={i}>{cells((c) => row[c.key])}</Table.Row>
            ))}
          </Table.Foot>
        )}
      </Table>
    </TableScroll>
  );
}
