import { Fragment, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/api-error.js';
import { EmptyState } from './empty-state.js';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable; also used by the text filter when `filterText` is absent. */
  sortValue?: (row: T) => string | number | null | undefined;
  filterText?: (row: T) => string;
  align?: 'start' | 'end';
  /** Hide the header text visually (for action columns); it stays for screen readers. */
  headerHidden?: boolean;
  /**
   * An actions column: as narrow as its buttons, never wrapped, and pinned to the right edge
   * when the table is wider than its box, so its buttons are always in view.
   */
  actions?: boolean;
  /** Long values (emails, file names, shown with <Breakable>) wrap rather than widen the table. */
  breakable?: boolean;
}

function cellClass<T>(c: Column<T>): string | undefined {
  const names = [c.align === 'end' ? 'align-end' : '', c.actions ? 'table__actions' : '', c.breakable ? 'table__breakable' : ''].filter(Boolean);
  return names.length ? names.join(' ') : undefined;
}

export interface DataTableProps<T> {
  caption: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shows a text filter over the loaded rows. */
  filterLabel?: string;
  empty?: ReactNode;
  loading?: boolean;
  error?: unknown;
  /** Cursor pagination: more rows exist on the server. */
  hasMore?: boolean;
  onLoadMore?: () => void;
  loadingMore?: boolean;
  initialSort?: { id: string; direction: 'asc' | 'desc' };
  toolbar?: ReactNode;
  /** Content of a full-width row under a row (an opened detail), or null when it is closed. */
  rowDetail?: (row: T) => ReactNode;
}

type Sort = { id: string; direction: 'asc' | 'desc' } | null;

/**
 * A table with column sorting, a text filter and "Load more" for cursor-paginated lists. In a
 * narrow box (a phone) each row is laid out as a card of label and value lines (see the CSS).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, columns, rows, rowKey, filterLabel, empty, loading, error, hasMore, onLoadMore, loadingMore, initialSort, toolbar, rowDetail } = props;
  const [sort, setSort] = useState<Sort>(initialSort ?? null);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const statusId = useId();
  const overflowing = useOverflowing(Boolean(error));

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let out = [...rows];
    if (needle) {
      out = out.filter((row) =>
        columns.some((c) => {
          const text = c.filterText ? c.filterText(row) : c.sortValue ? String(c.sortValue(row) ?? '') : '';
          return text.toLowerCase().includes(needle);
        }),
      );
    }
    const column = sort ? columns.find((c) => c.id === sort.id) : undefined;
    if (sort && column?.sortValue) {
      const value = column.sortValue;
      const factor = sort.direction === 'asc' ? 1 : -1;
      out.sort((a, b) => factor * compare(value(a), value(b)));
    }
    return out;
  }, [rows, columns, filter, sort]);

  const toggleSort = (id: string) =>
    setSort((current) => (current?.id === id ? { id, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { id, direction: 'asc' }));

  if (error) {
    return (
      <div className="notice notice--danger" role="alert">
        Could not load {caption.toLowerCase()}: {errorMessage(error)}
      </div>
    );
  }

  return (
    <div className="data-table">
      {filterLabel || toolbar ? (
        <div className="data-table__toolbar">
          {filterLabel ? (
            <div className="data-table__filter">
              <label htmlFor={filterId}>{filterLabel}</label>
              <input id={filterId} type="search" className="input" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby={statusId} />
            </div>
          ) : null}
          {toolbar}
        </div>
      ) : null}
      <p id={statusId} className="data-table__status" aria-live="polite">
        {loading ? 'Loading…' : filter ? `${visible.length} of ${rows.length} shown` : `${rows.length}${hasMore ? '+' : ''} ${rows.length === 1 ? 'row' : 'rows'}`}
      </p>
      <div ref={overflowing.scrollRef} className={`data-table__scroll${overflowing.value ? ' data-table__scroll--overflowing' : ''}`}>
        <table ref={overflowing.tableRef} className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.id === c.id;
                const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : c.sortValue ? 'none' : undefined;
                return (
                  <th key={c.id} scope="col" aria-sort={ariaSort} className={cellClass(c)}>
                    {c.sortValue ? (
                      <button type="button" className="th-sort" onClick={() => toggleSort(c.id)}>
                        {c.header}
                        <span aria-hidden="true" className="th-sort__icon">
                          {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                        </span>
                      </button>
                    ) : (
                      <span className={c.headerHidden ? 'visually-hidden' : undefined}>{c.header}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => {
              const detail = rowDetail?.(row);
              return (
                <Fragment key={rowKey(row)}>
                  <tr className={detail ? 'table__row--open' : undefined}>
                    {columns.map((c) => (
                      <td key={c.id} className={cellClass(c)} data-label={c.headerHidden ? undefined : c.header}>
                        <div className="table__cell">{c.cell(row)}</div>
                      </td>
                    ))}
                  </tr>
                  {detail ? (
                    <tr className="table__detail-row">
                      <td colSpan={columns.length}>
                        <div className="table__detail">{detail}</div>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {!loading && visible.length === 0 ? (
        filter && rows.length > 0 ? <EmptyState title="No matches" body={`Nothing loaded matches “${filter}”.`} /> : (empty ?? <EmptyState title="Nothing here yet" />)
      ) : null}
      {hasMore && onLoadMore ? (
        <div className="data-table__more">
          <button type="button" className="button button--secondary" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Whether the table is wider than its scroll box (then a pinned actions column shows its edge). */
function useOverflowing(hidden: boolean) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [value, setValue] = useState(false);
  useEffect(() => {
    const box = scrollRef.current;
    const table = tableRef.current;
    if (!box || !table || typeof ResizeObserver === 'undefined') return;
    const measure = () => setValue(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(table);
    measure();
    return () => observer.disconnect();
  }, [hidden]);
  return { scrollRef, tableRef, value };
}

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}
