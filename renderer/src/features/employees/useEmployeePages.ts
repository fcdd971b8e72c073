import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Employee, EmployeeFilter, EmployeeStatus } from '../../../../shared/contract/employees.ts';
import { api } from '../../api.ts';

export type SortKey = NonNullable<EmployeeFilter['sort']>;

/** What the clerk typed and chose; empty strings mean "all". */
export interface ListQuery {
  search: string;
  unitId: string;
  status: string;
  golongan: string;
  employmentType: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
}

export const EMPTY_QUERY: ListQuery = { search: '', unitId: '', status: '', golongan: '', employmentType: '', sort: 'name', direction: 'asc' };

/** The query as the contract's filter (the backend folds the search text itself). */
export function toFilter(q: ListQuery): EmployeeFilter {
  return {
    search: q.search,
    ...(q.unitId ? { unitId: q.unitId } : {}),
    ...(q.status ? { status: q.status as EmployeeStatus } : {}),
    ...(q.golongan ? { golongan: q.golongan } : {}),
    ...(q.employmentType ? { employmentType: q.employmentType as 'pns' | 'pppk' } : {}),
    sort: q.sort,
    direction: q.direction,
  };
}

export const PAGE_SIZE = 100;

export interface ShownList {
  /** The filter these rows answer (as JSON), to tell whether they are current. */
  key: string;
  seq: number;
  total: number;
  pages: ReadonlyMap<number, Employee[]>;
}

/**
 * The employee list, fetched a page at a time: each change of the query (every keystroke in
 * the search) asks for the first page and the total; the table asks for further pages as they
 * scroll into view. An answer older than the one shown is dropped, so a slow answer to "1"
 * never overwrites the answer to "19".
 */
export function useEmployeePages(query: ListQuery) {
  const filter = useMemo(() => toFilter(query), [query]);
  const key = useMemo(() => JSON.stringify(filter), [filter]);
  const [shown, setShown] = useState<ShownList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const shownRef = useRef<ShownList | null>(null);
  shownRef.current = shown;
  const pending = useRef(new Set<string>());

  const fail = useCallback((err: unknown) => {
    setError(err);
  }, []);

  useEffect(() => {
    const seq = ++latest.current;
    const parsed = JSON.parse(key) as EmployeeFilter;
    api['employees.list']({ ...parsed, limit: PAGE_SIZE, offset: 0 }).then(
      (result) => {
        setShown((prev) => (prev && prev.seq > seq ? prev : { key, seq, total: result.total, pages: new Map([[0, result.items]]) }));
        setError(null);
      },
      (err: unknown) => { if (seq === latest.current) fail(err); },
    );
  }, [key, tick, fail]);

  /** Fetches one page of the rows on screen, once. */
  const ensurePage = useCallback((page: number) => {
    const current = shownRef.current;
    if (!current || current.pages.has(page)) return;
    const id = `${current.seq}:${page}`;
    if (pending.current.has(id)) return;
    pending.current.add(id);
    const parsed = JSON.parse(current.key) as EmployeeFilter;
    api['employees.list']({ ...parsed, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
      (result) => {
        pending.current.delete(id);
        setShown((prev) => (prev && prev.seq === current.seq ? { ...prev, pages: new Map(prev.pages).set(page, result.items) } : prev));
      },
      (err: unknown) => {
        pending.current.delete(id);
        fail(err);
      },
    );
  }, [fail]);

  const reload = useCallback(() => setTick((n) => n + 1), []);

  return { shown, error, busy: shown?.key !== key, ensurePage, reload, filter };
}

export function rowAt(list: ShownList, index: number): Employee | undefined {
  return list.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}
