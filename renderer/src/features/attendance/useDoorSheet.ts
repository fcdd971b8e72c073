import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScanResult, SetStatusResult } from '../../../../shared/contract/attendance.ts';
import type { AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { api } from '../../api.ts';
import { useScanQueue, type ScanEntry } from './useScanQueue.ts';

export type SheetRow = Awaited<ReturnType<(typeof api)['attendance.sheet']>>['rows'][number];
export type Mark = NonNullable<SheetRow['mark']>;

/** Why the sheet on screen is missing or may be out of date: a failed call, or scans that kept slipping in. */
export type SheetProblem = { kind: 'error'; error: unknown } | { kind: 'busy' };

/** The door's counters: Alpa on its own, "Izin dll." for Izin, Sakit, Dinas Luar, Cuti and PSW. */
export interface DoorCounts {
  hadir: number;
  terlambat: number;
  other: number;
  alpa: number;
  open: number;
  total: number;
}

function countMarks(rows: readonly SheetRow[]): DoorCounts {
  const counts: DoorCounts = { hadir: 0, terlambat: 0, other: 0, alpa: 0, open: 0, total: rows.length };
  for (const r of rows) {
    if (!r.mark) counts.open++;
    else if (r.mark.status === 'hadir' || r.mark.status === 'terlambat' || r.mark.status === 'alpa') counts[r.mark.status]++;
    else counts.other++;
  }
  return counts;
}

/** How many times the sheet is asked for while scans keep changing it under way. */
const SHEET_ATTEMPTS = 5;
/** Scan answers kept on screen (the latest and the history). */
const ENTRIES_KEPT = 40;

/**
 * Everything the door knows about its session: the sheet (everyone enrolled, with their mark),
 * the scans sent one after another and their answers, and the calls that change a mark.
 * Answers and saved marks update the rows in place; the sheet is asked for again only when
 * the list of people may have changed (someone enrolled at the door, the rest marked).
 */
export function useDoorSheet(sessionId: string) {
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [problem, setProblem] = useState<SheetProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  // Bumped by every change put into the rows here, so a sheet read before it is not shown.
  const changes = useRef(0);
  // Only the latest load may set the rows (a retry while an older one is still on its way).
  const loads = useRef(0);

  // The sheet from the backend. A change answered while it was on its way could be missing
  // from it, so it is asked again until nothing slipped in between; after that many attempts
  // the clerk is told and can try again, the rows on screen kept meanwhile.
  const loadSheet = useCallback(async () => {
    const load = ++loads.current;
    setLoading(true);
    try {
      for (let attempt = 0; attempt < SHEET_ATTEMPTS; attempt++) {
        const before = changes.current;
        const sheet = await api['attendance.sheet']({ sessionId });
        if (load !== loads.current) return;
        if (changes.current === before) {
          setRows(sheet.rows);
          setProblem(null);
          return;
        }
      }
      setProblem({ kind: 'busy' });
    } catch (error) {
      if (load === loads.current) setProblem({ kind: 'error', error });
    } finally {
      if (load === loads.current) setLoading(false);
    }
  }, [sessionId]);
  useEffect(() => { void loadSheet(); }, [loadSheet]);

  const setMark = useCallback((enrolmentId: string, mark: Mark | null) => {
    changes.current++;
    setRows((list) => list && list.map((r) => (r.enrolmentId === enrolmentId ? { ...r, mark } : r)));
  }, []);

  const onEntry = useCallback((entry: ScanEntry) => {
    changes.current++;
    setEntries((list) => [entry, ...list].slice(0, ENTRIES_KEPT));
    if (entry.kind === 'result' && entry.result.outcome === 'marked' && entry.result.person && entry.result.mark) {
      setMark(entry.result.person.enrolmentId, entry.result.mark);
    }
  }, [setMark]);
  const { enqueue, pending } = useScanQueue(sessionId, onEntry);

  /** A scan's answer that came later (enrolled at the door, a guest recorded). */
  const replaceEntry = useCallback((key: number, result: ScanResult) => {
    setEntries((list) => list.map((x) => (x.key === key ? { key, input: x.input, kind: 'result', result, at: Date.now() } : x)));
  }, []);

  /** A failed scan sent again, at the end of the queue. */
  const retryEntry = useCallback((entry: ScanEntry) => {
    setEntries((list) => list.filter((x) => x.key !== entry.key));
    enqueue(entry.input);
  }, [enqueue]);

  /**
   * A status set on a participant by hand (a row's shortcut and the mark dialog, a guest
   * without a NIP) through attendance.setStatus, the backend's one way to do it (the CLI's
   * too), and shown in the row once saved.
   */
  const saveStatus = useCallback(async (enrolmentId: string, status: AttendanceStatus, note: string): Promise<SetStatusResult> => {
    const result = await api['attendance.setStatus']({ sessionId, enrolmentId, status, note });
    setMark(enrolmentId, result.mark);
    return result;
  }, [sessionId, setMark]);

  const clearMark = useCallback(async (enrolmentId: string) => {
    await api['attendance.clear']({ sessionId, enrolmentId });
    setMark(enrolmentId, null);
  }, [sessionId, setMark]);

  const counts = useMemo(() => (rows ? countMarks(rows) : null), [rows]);

  return { rows, counts, loading, problem, loadSheet, entries, enqueue, pending, replaceEntry, retryEntry, saveStatus, clearMark };
}
