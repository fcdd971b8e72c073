import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Employee } from '../../../../shared/contract/employees.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { PAGE_SIZE, rowAt, type ShownList, type SortKey } from './useEmployeePages.ts';
import { statusLabel } from './format.ts';

/** Fixed heights (px): the virtualizer places rows by arithmetic, never by measuring. */
export const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
const MIN_HEIGHT = 288;

const COLUMNS: { key: SortKey; className: string }[] = [
  { key: 'nip', className: 'col-nip' },
  { key: 'name', className: 'col-name' },
  { key: 'golongan', className: 'col-gol' },
  { key: 'jabatan', className: 'col-jabatan' },
  { key: 'unit', className: 'col-unit' },
  { key: 'status', className: 'col-status' },
];

interface Props {
  list: ShownList;
  busy: boolean;
  sort: SortKey;
  direction: 'asc' | 'desc';
  onSort(key: SortKey): void;
  onOpen(employee: Employee): void;
  ensurePage(page: number): void;
  /** Set by the list so the search box can hand focus to the rows (ArrowDown). */
  focusRef?: { current: (() => void) | null };
}

/**
 * The employee table: a real <table> (header, row and column semantics kept) whose body
 * renders only the rows in view, with spacer rows above and below. One tab stop for the rows;
 * arrows, Page Up/Down and Home/End move between them, Enter opens one.
 */
export function EmployeeTable({ list, busy, sort, direction, onSort, onOpen, ensurePage, focusRef }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef<number | null>(null);

  const virtualizer = useVirtualizer({
    count: list.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 8,
  });

  // A new answer to a new query starts at the top; more pages of the same answer keep the place.
  const shownKey = list.key;
  useLayoutEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [shownKey, virtualizer]);

  // The box fills the window below whatever sits above it (notices come and go), so the
  // page itself does not scroll at 1366×768 and the rows get all the room there is.
  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const content = box.closest<HTMLElement>('.content');
    const bottom = content ? parseFloat(getComputedStyle(content).paddingBottom) || 0 : 0;
    const top = box.getBoundingClientRect().top + window.scrollY;
    const height = `${Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - bottom))}px`;
    if (box.style.height !== height) box.style.height = height;
  });
  const [, setViewport] = useState(0);
  useEffect(() => {
    const onResize = () => setViewport(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];

  // Ask for the pages of the rows in view.
  const firstPage = first ? Math.floor(first.index / PAGE_SIZE) : 0;
  const lastPage = last ? Math.floor(last.index / PAGE_SIZE) : -1;
  useEffect(() => {
    for (let p = firstPage; p <= lastPage; p++) ensurePage(p);
  }, [firstPage, lastPage, list, ensurePage]);

  const focusRow = (index: number): boolean => {
    const row = bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    row?.focus();
    return Boolean(row);
  };

  // After a keyboard move to a row that was not rendered yet, focus it once it is.
  useEffect(() => {
    const wanted = focusWanted.current;
    if (wanted !== null && focusRow(wanted)) focusWanted.current = null;
  });

  const moveTo = (index: number) => {
    if (list.total === 0) return;
    const next = Math.max(0, Math.min(list.total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    focusWanted.current = focusRow(next) ? null : next;
  };

  if (focusRef) focusRef.current = () => moveTo(Math.min(active, Math.max(0, list.total - 1)));

  const visibleRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + visibleRows, PageUp: active - visibleRows,
      Home: 0, End: list.total - 1,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      const employee = rowAt(list, active);
      if (employee) {
        event.preventDefault();
        onOpen(employee);
      }
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    moveTo(next);
  };

  const paddingTop = first ? first.start - HEADER_HEIGHT : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div className="vlist" ref={scrollRef}>
      <table className="table vtable" aria-rowcount={list.total + 1} aria-busy={busy || undefined}>
        <caption className="visually-hidden">{t('employees.tableCaption')}</caption>
        <colgroup>
          {COLUMNS.map((c) => <col key={c.key} className={c.className} />)}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => {
              const current = sort === c.key;
              return (
                <th key={c.key} scope="col" aria-sort={current ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
                    {t(`employees.columns.${c.key}`)}
                    <span className={`sort-icon${current ? ' sort-icon-on' : ''}`} aria-hidden="true">
                      {current ? (direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={bodyRef} onKeyDown={onKeyDown}>
          {paddingTop > 0 && <tr className="vspacer" aria-hidden="true" style={{ height: paddingTop }}><td colSpan={COLUMNS.length} /></tr>}
          {items.map((item) => {
            const e = rowAt(list, item.index);
            const tabIndex = item.index === active ? 0 : -1;
            if (!e) {
              return (
                <tr key={`loading-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2} tabIndex={tabIndex} className="vrow vrow-loading">
                  <td colSpan={COLUMNS.length}>{t('employees.loadingRow')}</td>
                </tr>
              );
            }
            return (
              <tr
                key={e.id}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={tabIndex}
                className="vrow"
                onClick={() => onOpen(e)}
                onFocus={() => setActive(item.index)}
              >
                <td className="mono">{formatNip(e.nip)}</td>
                <th scope="row" title={e.displayName}>{e.displayName}</th>
                <td title={e.pangkat ?? undefined}>{e.golonganLabel ?? '—'}</td>
                <td title={e.jabatan}>{e.jabatan || '—'}</td>
                <td title={e.unit ?? undefined}>{e.unit ?? '—'}</td>
                <td><span className={`badge badge-status-${e.status}`}>{statusLabel(t, e.status)}</span></td>
              </tr>
            );
          })}
          {paddingBottom > 0 && <tr className="vspacer" aria-hidden="true" style={{ height: paddingBottom }}><td colSpan={COLUMNS.length} /></tr>}
        </tbody>
      </table>
    </div>
  );
}
