import { memo, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES_BY_HAND_FIRST, STATUS_CODE, type AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { describeError } from '../../components/errors.ts';
import { Loading } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { KEY_OF_STATUS, STATUS_KEYS, clockTime, statusWord } from '../trainings/format.ts';
import type { DoorCounts, SheetProblem, SheetRow } from './useDoorSheet.ts';

type Filter = 'all' | 'open' | 'marked';
/** Puts the focus back on a participant's row (or where it was, if it left the view). */
export type FocusRow = { current: ((enrolmentId: string) => void) | null };

/** The door's side: everyone enrolled, filtered, with the keys to mark them and "Sisanya Alpa". */
export function PeoplePanel({ rows, counts, problem, loading, onReload, notice, onRest, onMark, onClear, focusRef, timeZone, figures }: {
  rows: SheetRow[] | null;
  counts: DoorCounts | null;
  problem: SheetProblem | null;
  loading: boolean;
  onReload(): void;
  notice: ReactNode;
  onRest(): void;
  onMark(row: SheetRow, status: AttendanceStatus): void;
  onClear(row: SheetRow): void;
  focusRef: FocusRow;
  timeZone: string;
  /** The counters, above the list. */
  figures: ReactNode;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const total = counts?.total ?? 0;
  const open = counts?.open ?? 0;
  return (
    <section className="door-side" aria-labelledby={titleId}>
      {figures}
      <div className="card-head">
        <h2 id={titleId} className="h-small">{t('attendanceUi.door.people')}</h2>
        <button type="button" className="btn btn-small" disabled={open === 0} onClick={onRest}>{t('attendanceUi.door.restAlpa')}</button>
      </div>
      {notice}
      {problem && <SheetProblemAlert problem={problem} loading={loading} onReload={onReload} />}
      {rows ? (
        <>
          <div className="segmented" role="group" aria-label={t('attendanceUi.door.filter')}>
            {(['all', 'open', 'marked'] as const).map((f) => (
              <button key={f} type="button" className="segment" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                {t(`attendanceUi.door.filters.${f}`, { n: f === 'all' ? total : f === 'open' ? open : total - open })}
              </button>
            ))}
          </div>
          <p className="list-keys muted">
            {t('attendanceUi.door.keysIntro')}{' '}
            {(['izin', 'sakit', 'dinas_luar', 'cuti', 'alpa', 'psw', 'hadir', 'terlambat'] as const).map((s) => (
              <span key={s} className="key-hint"><kbd>{KEY_OF_STATUS[s]}</kbd> {statusWord(t, s)}</span>
            ))}
            <span className="key-hint"><kbd>Del</kbd> {t('attendanceUi.door.clearKey')}</span>
          </p>
          <PeopleTable
            rows={filter === 'all' ? rows : rows.filter((r) => (filter === 'open' ? !r.mark : r.mark))}
            timeZone={timeZone}
            onMark={onMark}
            onClear={onClear}
            focusRef={focusRef}
          />
        </>
      ) : !problem && <Loading />}
    </section>
  );
}

/** The sheet could not be loaded (or kept changing while it loaded): why, and "Coba lagi". */
function SheetProblemAlert({ problem, loading, onReload }: { problem: SheetProblem; loading: boolean; onReload(): void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert alert-error">
      <p>
        <strong>{t('attendanceUi.door.loadFailed')}</strong>{' '}
        {problem.kind === 'busy' ? t('attendanceUi.door.sheetBusy') : describeError(t, problem.error, currentLanguage())}
      </p>
      <button type="button" className="btn" aria-busy={loading || undefined} onClick={onReload}>
        {loading ? t('common.loading') : t('common.retry')}
      </button>
    </div>
  );
}

/**
 * Everyone enrolled, with their mark. One tab stop: the arrows move between rows, and a
 * letter on a row gives that mark (I Izin, S Sakit, …) after a note; Del clears it.
 */
function PeopleTable({ rows, timeZone, onMark, onClear, focusRef }: {
  rows: SheetRow[];
  timeZone: string;
  onMark(row: SheetRow, status: AttendanceStatus): void;
  onClear(row: SheetRow): void;
  focusRef: FocusRow;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [active, setActive] = useState(0);
  const refs = useRef<(HTMLTableRowElement | null)[]>([]);
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const activeRef = useRef(current);
  activeRef.current = current;
  useEffect(() => {
    focusRef.current = (enrolmentId) => {
      const list = rowsRef.current;
      const at = list.findIndex((r) => r.enrolmentId === enrolmentId);
      const index = at >= 0 ? at : Math.min(activeRef.current, list.length - 1);
      if (index < 0) return;
      setActive(index);
      refs.current[index]?.focus();
    };
    return () => { focusRef.current = null; };
  }, [focusRef]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setActive(next);
    refs.current[next]?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, row: SheetRow, index: number) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'arrowdown') { e.preventDefault(); move(index + 1); }
    else if (key === 'arrowup') { e.preventDefault(); move(index - 1); }
    else if (key === 'home') { e.preventDefault(); move(0); }
    else if (key === 'end') { e.preventDefault(); move(rows.length - 1); }
    else if (key === 'enter') { e.preventDefault(); onMark(row, row.mark?.status ?? 'izin'); }
    else if ((key === 'delete' || key === 'backspace') && row.mark) { e.preventDefault(); onClear(row); }
    else if (STATUS_KEYS[key]) { e.preventDefault(); onMark(row, STATUS_KEYS[key]); }
  };

  const onKeyRef = useRef(onKey);
  onKeyRef.current = onKey;
  const rowKey = useCallback((e: KeyboardEvent<HTMLTableRowElement>, row: SheetRow, index: number) => onKeyRef.current(e, row, index), []);
  const setRef = useCallback((index: number, el: HTMLTableRowElement | null) => { refs.current[index] = el; }, []);

  if (rows.length === 0) return <p className="list-empty">{t('attendanceUi.door.noneHere')}</p>;
  return (
    <div className="table-wrap people-wrap">
      <table className="table table-compact people-table">
        <caption className="visually-hidden">{t('attendanceUi.door.people')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attendanceUi.door.nameNip')}</th>
            <th scope="col">{t('attendanceUi.door.mark')}</th>
            <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <PersonRow
              key={r.enrolmentId}
              row={r}
              index={i}
              tabbable={i === current}
              timeZone={timeZone}
              lang={lang}
              setRef={setRef}
              onFocusRow={setActive}
              onKey={rowKey}
              onMark={onMark}
              onClear={onClear}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One participant's row; only the rows whose mark changed render again after a scan. */
const PersonRow = memo(function PersonRow({ row: r, index: i, tabbable, timeZone, lang, setRef, onFocusRow, onKey, onMark, onClear }: {
  row: SheetRow;
  index: number;
  tabbable: boolean;
  timeZone: string;
  lang: 'id' | 'en';
  setRef(index: number, el: HTMLTableRowElement | null): void;
  onFocusRow(index: number): void;
  onKey(e: KeyboardEvent<HTMLTableRowElement>, row: SheetRow, index: number): void;
  onMark(row: SheetRow, status: AttendanceStatus): void;
  onClear(row: SheetRow): void;
}) {
  const { t } = useTranslation();
  return (
    <tr
      ref={(el) => setRef(i, el)}
      tabIndex={tabbable ? 0 : -1}
      className={`people-row${r.mark ? '' : ' people-open'}`}
      aria-label={`${r.name}, ${r.mark ? statusWord(t, r.mark.status) : t('attendanceUi.door.unmarked')}`}
      onFocus={() => onFocusRow(i)}
      onKeyDown={(e) => onKey(e, r, i)}
    >
      <th scope="row">
        {r.name}
        <span className="cell-sub"><span className="mono">{r.nip ? formatNip(r.nip) : '—'}</span>{r.unit ? ` · ${r.unit}` : ''}</span>
      </th>
      <td>
        {r.mark ? (
          <>
            <span className={`badge code-${r.mark.status}`}>{STATUS_CODE[r.mark.status]} · {statusWord(t, r.mark.status)}</span>
            <span className="cell-sub">
              {['scan', 'manual'].includes(r.mark.source) && ['hadir', 'terlambat'].includes(r.mark.status) ? clockTime(r.mark.markedAt, timeZone, lang) : ''}
              {r.mark.note ? ` ${r.mark.note}` : ''}
            </span>
          </>
        ) : <span className="muted">{t('attendanceUi.door.unmarked')}</span>}
      </td>
      <td>
        <div className="row-actions row-actions-tight">
          <button type="button" tabIndex={-1} className="btn btn-small" onClick={() => { onFocusRow(i); onMark(r, r.mark?.status ?? 'izin'); }}>{t('attendanceUi.door.markButton')}</button>
          {r.mark && <button type="button" tabIndex={-1} className="btn btn-small btn-quiet" onClick={() => { onFocusRow(i); onClear(r); }}>{t('attendanceUi.door.clearButton')}</button>}
        </div>
      </td>
    </tr>
  );
});
