import type { Key, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../app/useLoader.ts';
import { LoadState } from './feedback.tsx';

/** One column of a DataTable: its header and what each row shows in it. */
export interface Column<T> {
  key: string;
  header: ReactNode;
  cell(row: T, index: number): ReactNode;
  /** The cell that names the row (`<th scope="row">`), read out with every other cell of the row. */
  rowHeader?: boolean;
  /** A figure: aligned to the right, header and cells alike. */
  num?: boolean;
  /** Classes of the cells (not the header). */
  className?: string;
}

type Rows<T> = { rows: T[]; loader?: never } | { loader: Pick<Loaded<T[]>, 'data' | 'error' | 'loading' | 'reload'>; rows?: never };

type DataTableProps<T> = Rows<T> & {
  /** The table's name for screen readers (and tests): a caption only they see. */
  caption: string;
  columns: Column<T>[];
  /** Extra classes of the table ("table-compact"). */
  className?: string;
  /** Extra classes of the scrolling wrapper ("table-scroll"). */
  wrapClassName?: string;
  /** The row's React key; its `id` when not given. */
  rowKey?: (row: T) => Key;
  rowClassName?: (row: T) => string | undefined;
  /** The buttons of a row (edit, remove…), in a last column whose header only screen readers hear. */
  actions?: (row: T) => ReactNode;
  /** What to say instead of an empty table; without it the table shows with no rows. */
  empty?: ReactNode;
  /** Rows of a `<tfoot>` (totals). */
  foot?: ReactNode;
};

/**
 * The list screens' table, from column definitions: caption, header row, one row per record with
 * its actions last. Given a `loader`, it shows loading and a failed load ("Coba lagi") first.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  if (props.loader) {
    const { loader, ...rest } = props;
    return <LoadState loader={loader}>{(rows) => <DataTable {...rest} rows={rows} />}</LoadState>;
  }
  return <Table {...props} rows={props.rows} />;
}

function Table<T>({ rows, caption, columns, className, wrapClassName, rowKey = keyOf, rowClassName, actions, empty, foot }: DataTableProps<T> & { rows: T[] }) {
  const { t } = useTranslation();
  if (rows.length === 0 && empty !== undefined) return <p className="list-empty">{empty}</p>;
  return (
    <div className={classes('table-wrap', wrapClassName)}>
      <table className={classes('table', className)}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => <th key={c.key} scope="col" className={c.num ? 'num' : undefined}>{c.header}</th>)}
            {actions && <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => {
                const cellClass = classes(c.num ? 'num' : undefined, c.className);
                return c.rowHeader
                  ? <th key={c.key} scope="row" className={cellClass}>{c.cell(row, i)}</th>
                  : <td key={c.key} className={cellClass}>{c.cell(row, i)}</td>;
              })}
              {actions && <td><div className="row-actions">{actions(row)}</div></td>}
            </tr>
          ))}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}

function keyOf(row: unknown): Key {
  return (row as { id: string }).id;
}

function classes(...names: (string | undefined)[]): string | undefined {
  return names.filter(Boolean).join(' ') || undefined;
}

/**
 * A button in a table row. Its accessible name says which record it acts on ("Ubah Seksi
 * Pelayanan"), since the visible word is the same in every row.
 */
export function RowButton({ label, onClick, danger, disabled, children }: { label: string; onClick(): void; danger?: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <button type="button" className={danger ? 'btn btn-small btn-danger' : 'btn btn-small'} aria-label={label} onClick={onClick} disabled={disabled}>
      {children}
    </button>
  );
}
