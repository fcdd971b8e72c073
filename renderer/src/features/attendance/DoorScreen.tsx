import { memo, useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ScanResult } from '../../../../shared/contract/attendance.ts';
import type { Event, Session } from '../../../../shared/contract/events.ts';
import { STATUS_CODE, type AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { doorTiming } from '../../../../shared/domain/office-time.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { describeError } from '../../components/errors.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { Modal } from '../../components/Modal.tsx';
import { currentLanguage } from '../../i18n.ts';
import { WalkInDialog } from '../events/ParticipantsTab.tsx';
import { KEY_OF_STATUS, STATUS_KEYS, clockTime, dayDate, statusOptions, statusWord, timeRange } from '../trainings/format.ts';
import { ConfirmDialog, Figures, useRun } from '../trainings/ui.tsx';
import { SessionPage } from './shared.tsx';
import { useScanQueue, type ScanEntry } from './useScanQueue.ts';

type SheetRow = Awaited<ReturnType<(typeof api)['attendance.sheet']>>['rows'][number];
type Mark = NonNullable<SheetRow['mark']>;

/** `#/kegiatan/<id>/sesi/<sessionId>/hadir`: attendance at the door, built for a queue of people. */
export function DoorScreen() {
  return (
    <SessionPage titleKey="attendanceUi.door.title" other="paper">
      {(event, session) => (
        <DoorGate key={session.id} event={event} session={session}>
          <Door event={event} session={session} />
        </DoorGate>
      )}
    </SessionPage>
  );
}

/**
 * A scan records "arrived now". Opened long before a session or after it has ended, the door
 * is most likely the wrong session's, so the clerk is asked first; the paper screen is the way
 * to enter a sheet afterwards.
 */
function DoorGate({ event, session, children }: { event: Event; session: Session; children: ReactNode }) {
  const { t } = useTranslation();
  const { office } = useSession();
  // Decided once, when the screen opens: a door in use must not turn into the gate when the
  // session ends (a language switch re-renders it), or the scans on screen would be lost.
  const [timing] = useState(() => doorTiming(new Date(), session, office.timezone));
  const [confirmed, setConfirmed] = useState(false);
  if (timing === 'open' || confirmed) return <>{children}</>;
  const lang = currentLanguage();
  const n = event.sessions.findIndex((s) => s.id === session.id) + 1;
  const when = `${dayDate(session.date, lang)}, ${timeRange(session.start, session.end, lang, office.timezone)}`;
  return (
    <section className="card door-gate" aria-labelledby="door-gate-title">
      <h2 id="door-gate-title">{t(timing === 'early' ? 'attendanceUi.gate.earlyTitle' : 'attendanceUi.gate.overTitle', { n })}</h2>
      <p>{t(timing === 'early' ? 'attendanceUi.gate.early' : 'attendanceUi.gate.over', { n, when })}</p>
      <p className="form-note">{t('attendanceUi.gate.why')}</p>
      <div className="form-actions">
        <Link href={`/kegiatan/${event.id}/sesi/${session.id}/kertas`} className="btn btn-primary">{t('attendanceUi.toPaper')}</Link>
        <button type="button" className="btn" onClick={() => setConfirmed(true)}>{t('attendanceUi.gate.openAnyway')}</button>
      </div>
    </section>
  );
}

type Filter = 'all' | 'open' | 'marked';

function Door({ event, session }: { event: Event; session: Session }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { office } = useSession();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [entries, setEntries] = useState<ScanEntry[]>([]);
  const [filter, setFilter] = useState<Filter>('all');
  const [marking, setMarking] = useState<{ row: SheetRow; status: AttendanceStatus } | null>(null);
  const [clearing, setClearing] = useState<SheetRow | null>(null);
  const [restConfirm, setRestConfirm] = useState(false);
  const [walkIn, setWalkIn] = useState<{ key: number; nip: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useRun();
  const scansSeen = useRef(0);
  const focusRow = useRef<((enrolmentId: string) => void) | null>(null);
  const [focusAfterMark, setFocusAfterMark] = useState<string | null>(null);
  // Back on the row (or, when it left the filtered list, on the one now in its place), once the
  // list shows the new mark and the dialog has closed: an effect runs after both are committed,
  // where an animation frame could come before React has rendered them.
  useEffect(() => {
    if (!focusAfterMark || marking) return;
    focusRow.current?.(focusAfterMark);
    setFocusAfterMark(null);
  }, [focusAfterMark, marking, rows]);
  const clearAction = action.clear;
  const openMark = useCallback((row: SheetRow, status: AttendanceStatus) => { setNotice(null); clearAction(); setMarking({ row, status }); }, [clearAction]);
  const openClear = useCallback((row: SheetRow) => { setNotice(null); clearAction(); setClearing(row); }, [clearAction]);

  const focusInput = useCallback(() => inputRef.current?.focus(), []);

  // The sheet from the backend. Scans answered while it was on its way would be missing from
  // it, so it is asked again until no scan slipped in between.
  const loadSheet = useCallback(async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = scansSeen.current;
      try {
        const sheet = await api['attendance.sheet']({ sessionId: session.id });
        if (scansSeen.current === before) {
          setRows(sheet.rows);
          setLoadError(null);
          return;
        }
      } catch (err) {
        setLoadError(err);
        return;
      }
    }
  }, [session.id]);
  useEffect(() => { void loadSheet(); }, [loadSheet]);

  const setMark = useCallback((enrolmentId: string, mark: Mark | null) => {
    setRows((list) => list && list.map((r) => (r.enrolmentId === enrolmentId ? { ...r, mark } : r)));
  }, []);

  const onEntry = useCallback((entry: ScanEntry) => {
    scansSeen.current++;
    setEntries((list) => [entry, ...list].slice(0, 40));
    if (entry.kind === 'result' && entry.result.outcome === 'marked' && entry.result.person && entry.result.mark) {
      setMark(entry.result.person.enrolmentId, entry.result.mark);
    }
  }, [setMark]);
  const { enqueue, pending } = useScanQueue(session.id, onEntry);

  // After a dialog closes the door is ready for the next person again, except after a mark
  // given on a row: the clerk goes on down the list from that row.
  const dialogOpen = marking !== null || clearing !== null || restConfirm || walkIn !== null;
  const dialogOpenRef = useRef(dialogOpen);
  dialogOpenRef.current = dialogOpen;
  const lastDialog = useRef<'mark' | 'other' | null>(null);
  useEffect(() => {
    if (dialogOpen) {
      lastDialog.current = marking ? 'mark' : 'other';
    } else if (lastDialog.current) {
      if (lastDialog.current === 'other') focusInput();
      lastDialog.current = null;
    }
  }, [dialogOpen, marking, focusInput]);

  // A digit typed while the focus is elsewhere (a button just clicked, the list) goes into the
  // NIP box: the scanner's next burst is never typed into nothing.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (!/^\d$/.test(e.key) || e.ctrlKey || e.metaKey || e.altKey || dialogOpenRef.current) return;
      const el = document.activeElement;
      const editable = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || (el instanceof HTMLElement && el.isContentEditable);
      if (!editable) inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const input = e.currentTarget;
    const text = input.value;
    input.value = '';
    if (text.trim()) enqueue(text);
  };

  const replaceEntry = (key: number, result: ScanResult) =>
    setEntries((list) => list.map((x) => (x.key === key ? { key, input: x.input, kind: 'result', result, at: Date.now() } : x)));

  const enrolAndMark = async (entry: ScanEntry, employeeId: string) => {
    const result = await action.run(`enrol-${entry.key}`, () => api['attendance.enrolAndMark']({ sessionId: session.id, employeeId }));
    if (result) {
      replaceEntry(entry.key, result);
      await loadSheet();
    }
    focusInput();
  };

  const counts = { hadir: 0, terlambat: 0, other: 0, open: 0 };
  for (const r of rows ?? []) {
    if (!r.mark) counts.open++;
    else if (r.mark.status === 'hadir') counts.hadir++;
    else if (r.mark.status === 'terlambat') counts.terlambat++;
    else counts.other++;
  }
  const total = rows?.length ?? 0;
  const latest = entries[0];

  return (
    <div className="door">
      <div className="door-main">
        <div className="scan-box">
          <label htmlFor={inputId} className="scan-label">{t('attendanceUi.door.inputLabel')}</label>
          <input
            ref={inputRef}
            id={inputId}
            className="scan-input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            autoFocus
            data-keep-focus=""
            aria-describedby={`${inputId}-hint`}
            onKeyDown={onScanKey}
          />
          <p className="field-hint" id={`${inputId}-hint`}>{t('attendanceUi.door.inputHint')}</p>
          <p className="scan-pending" role="status" aria-live="polite">
            {pending > 0 ? t('attendanceUi.door.pending', { count: pending, n: pending }) : ''}
          </p>
        </div>

        <div className="scan-latest" aria-live="polite" aria-atomic="true" aria-label={t('attendanceUi.door.latest')} role="region">
          {latest ? (
            <ScanCard
              entry={latest}
              big
              timeZone={office.timezone}
              busy={action.busy}
              onRetry={(x) => { setEntries((list) => list.filter((y) => y.key !== x.key)); enqueue(x.input); focusInput(); }}
              onEnrol={(x, employeeId) => void enrolAndMark(x, employeeId)}
              onWalkIn={(x, nip) => setWalkIn({ key: x.key, nip })}
            />
          ) : (
            <p className="scan-empty">{t('attendanceUi.door.waiting')}</p>
          )}
        </div>
        {action.error ? <ErrorAlert error={action.error} /> : null}

        {entries.length > 1 && (
          <section className="scan-history" aria-labelledby={`${inputId}-history`}>
            <h2 id={`${inputId}-history`} className="h-small">{t('attendanceUi.door.history')}</h2>
            <ol className="scan-history-list">
              {entries.slice(1, 7).map((x) => (
                <li key={x.key}>
                  <ScanCard
                    entry={x}
                    timeZone={office.timezone}
                    busy={action.busy}
                    onRetry={(y) => { setEntries((list) => list.filter((z) => z.key !== y.key)); enqueue(y.input); focusInput(); }}
                    onEnrol={(y, employeeId) => void enrolAndMark(y, employeeId)}
                    onWalkIn={(y, nip) => setWalkIn({ key: y.key, nip })}
                  />
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>

      <section className="door-side" aria-labelledby={`${inputId}-people`}>
        <Figures
          className="door-counts"
          label={t('attendanceUi.door.countsLabel')}
          items={[
            { key: 'hadir', term: t('trainingTerms.attendance.hadir'), value: counts.hadir, tone: 'ok' },
            { key: 'terlambat', term: t('trainingTerms.attendance.terlambat'), value: counts.terlambat, tone: 'late' },
            { key: 'other', term: t('attendanceUi.door.otherMarks'), value: counts.other },
            { key: 'open', term: t('attendanceUi.door.open'), value: counts.open, tone: counts.open ? 'warn' : undefined },
            { key: 'total', term: t('attendanceUi.door.participants'), value: total },
          ]}
        />
        <p className="visually-hidden" role="status">{t('attendanceUi.door.countsLine', { hadir: counts.hadir, terlambat: counts.terlambat, open: counts.open, total })}</p>
        <div className="card-head">
          <h2 id={`${inputId}-people`} className="h-small">{t('attendanceUi.door.people')}</h2>
          <button type="button" className="btn btn-small" disabled={counts.open === 0} onClick={() => { action.clear(); setRestConfirm(true); }}>
            {t('attendanceUi.door.restAlpa')}
          </button>
        </div>
        {notice && <Notice>{notice}</Notice>}
        <div className="segmented" role="group" aria-label={t('attendanceUi.door.filter')}>
          {(['all', 'open', 'marked'] as const).map((f) => (
            <button key={f} type="button" className="segment" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`attendanceUi.door.filters.${f}`, { n: f === 'all' ? total : f === 'open' ? counts.open : total - counts.open })}
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
        {loadError ? <ErrorAlert error={loadError}><button type="button" className="btn" onClick={() => void loadSheet()}>{t('common.retry')}</button></ErrorAlert> : null}
        {rows && (
          <PeopleTable
            rows={rows.filter((r) => filter === 'all' || (filter === 'open' ? !r.mark : r.mark))}
            timeZone={office.timezone}
            lang={lang}
            onMark={openMark}
            onClear={openClear}
            focusRef={focusRow}
          />
        )}
      </section>

      {marking && (
        <MarkDialog
          sessionId={session.id}
          row={marking.row}
          status={marking.status}
          onClose={() => setMarking(null)}
          onSaved={(mark) => {
            setMark(marking.row.enrolmentId, mark);
            setMarking(null);
            setFocusAfterMark(marking.row.enrolmentId);
          }}
        />
      )}

      {clearing && (
        <ConfirmDialog
          title={t('attendanceUi.door.clearTitle', { name: clearing.name })}
          confirm={t('attendanceUi.door.clearConfirm')}
          danger
          onClose={() => setClearing(null)}
          action={() => api['attendance.clear']({ sessionId: session.id, enrolmentId: clearing.enrolmentId })}
          onDone={() => {
            setMark(clearing.enrolmentId, null);
            setClearing(null);
          }}
        >
          <p>{t('attendanceUi.door.clearText', { name: clearing.name, status: clearing.mark ? statusWord(t, clearing.mark.status) : '—' })}</p>
        </ConfirmDialog>
      )}

      {restConfirm && (
        <ConfirmDialog
          title={t('attendanceUi.door.restTitle')}
          confirm={t('attendanceUi.door.restConfirm', { n: counts.open })}
          danger
          onClose={() => setRestConfirm(false)}
          action={() => api['attendance.markRest']({ sessionId: session.id, status: 'alpa' })}
          onDone={async (r) => {
            setRestConfirm(false);
            await loadSheet();
            setNotice(t('attendanceUi.door.restDone', { count: r.marked, n: r.marked }));
          }}
        >
          <p>{t('attendanceUi.door.restText', { n: counts.open })}</p>
        </ConfirmDialog>
      )}

      {walkIn && (
        <WalkInDialog
          eventId={event.id}
          initialNip={walkIn.nip}
          submitLabel={t('attendanceUi.door.walkInSubmit')}
          onClose={() => setWalkIn(null)}
          onAdded={async (enrolment) => {
            // The guest is enrolled now; whatever happens next, the dialog must not enrol them twice.
            const key = walkIn.key;
            setWalkIn(null);
            // Their NIP now finds them: the scan marks them like anyone at the door (Hadir or
            // Terlambat by the clock); without a NIP they are marked Hadir.
            await action.run(`walkin-${key}`, async () => {
              if (enrolment.nip) {
                replaceEntry(key, await api['attendance.scan']({ sessionId: session.id, input: enrolment.nip }));
              } else {
                const mark = await api['attendance.mark']({ sessionId: session.id, enrolmentId: enrolment.id, status: 'hadir', note: '' });
                replaceEntry(key, { outcome: 'marked', person: { enrolmentId: enrolment.id, employeeId: null, nip: null, name: enrolment.name, jabatan: '', unit: enrolment.institution || null }, mark, nip: '', code: null });
              }
            });
            await loadSheet();
          }}
        />
      )}
    </div>
  );
}

/** One scan's answer: large for the latest, compact in the history. */
function ScanCard({ entry, big, timeZone, busy, onRetry, onEnrol, onWalkIn }: {
  entry: ScanEntry;
  big?: boolean;
  timeZone: string;
  busy: string | null;
  onRetry(entry: ScanEntry): void;
  onEnrol(entry: ScanEntry, employeeId: string): void;
  onWalkIn(entry: ScanEntry, nip: string): void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const cls = (tone: string) => `scan-card scan-${tone}${big ? ' scan-card-big' : ''}`;

  if (entry.kind === 'error') {
    return (
      <div className={cls('error')}>
        <p className="scan-outcome">{t('attendanceUi.door.outcomes.failed')}</p>
        <p className="scan-name mono">{entry.input}</p>
        <p className="scan-detail">{describeError(t, entry.error, lang)}</p>
        <button type="button" className="btn btn-small" onClick={() => onRetry(entry)}>{t('common.retry')}</button>
      </div>
    );
  }
  const r = entry.result;
  const nip = r.nip && /^\d{18}$/.test(r.nip) ? formatNip(r.nip) : r.nip;
  const time = r.mark ? clockTime(r.mark.markedAt, timeZone, lang) : '';
  switch (r.outcome) {
    case 'marked':
    case 'already': {
      const status = r.mark?.status ?? 'hadir';
      const tone = r.outcome === 'already' ? 'already' : status === 'terlambat' ? 'late' : status === 'hadir' ? 'ok' : 'other';
      return (
        <div className={cls(tone)}>
          <p className="scan-outcome">
            {r.outcome === 'already'
              ? t('attendanceUi.door.outcomes.already', { status: statusWord(t, status), time })
              : t('attendanceUi.door.outcomes.marked', { status: statusWord(t, status), time })}
          </p>
          <p className="scan-name">{r.person?.name}</p>
          <p className="scan-detail"><span className="mono">{nip}</span>{r.person?.unit ? ` · ${r.person.unit}` : ''}{r.person?.jabatan ? ` · ${r.person.jabatan}` : ''}</p>
        </div>
      );
    }
    case 'not_enrolled':
      return (
        <div className={cls('notenrolled')}>
          <p className="scan-outcome">{t('attendanceUi.door.outcomes.notEnrolled')}</p>
          <p className="scan-name">{r.person?.name}</p>
          <p className="scan-detail"><span className="mono">{nip}</span>{r.person?.unit ? ` · ${r.person.unit}` : ''}</p>
          {r.person?.employeeId && (
            <button type="button" className="btn btn-primary" aria-busy={busy === `enrol-${entry.key}` || undefined} onClick={() => onEnrol(entry, r.person!.employeeId!)}>
              {t('attendanceUi.door.enrolAndMark', { name: r.person.name })}
            </button>
          )}
        </div>
      );
    case 'unknown':
      return (
        <div className={cls('unknown')}>
          <p className="scan-outcome">{t('attendanceUi.door.outcomes.unknown')}</p>
          <p className="scan-name mono">{nip}</p>
          <p className="scan-detail">{t('attendanceUi.door.unknownHelp')}</p>
          <button type="button" className="btn btn-primary" onClick={() => onWalkIn(entry, r.nip)}>{t('attendanceUi.door.walkIn')}</button>
        </div>
      );
    case 'invalid':
      return (
        <div className={cls('invalid')}>
          <p className="scan-outcome">{t('attendanceUi.door.outcomes.invalid')}</p>
          <p className="scan-name mono">{entry.input.trim() || '—'}</p>
          <p className="scan-detail">{r.code ? t(r.code, { defaultValue: t('validation.invalid') }) : t('validation.invalid')}</p>
        </div>
      );
  }
}

/**
 * Everyone enrolled, with their mark. One tab stop: the arrows move between rows, and a
 * letter on a row gives that mark (I Izin, S Sakit, …) after a note; Del clears it.
 */
function PeopleTable({ rows, timeZone, lang, onMark, onClear, focusRef }: {
  rows: SheetRow[];
  timeZone: string;
  lang: 'id' | 'en';
  onMark(row: SheetRow, status: AttendanceStatus): void;
  onClear(row: SheetRow): void;
  /** Set here: puts the focus back on a participant's row (or where it was, if it left the view). */
  focusRef: { current: ((enrolmentId: string) => void) | null };
}) {
  const { t } = useTranslation();
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

/** A mark given by hand (Izin, Sakit, …) with a note; Enter in the note saves it. */
function MarkDialog({ sessionId, row, status, onClose, onSaved }: { sessionId: string; row: SheetRow; status: AttendanceStatus; onClose(): void; onSaved(mark: Mark): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState<AttendanceStatus>(status);
  const [note, setNote] = useState(row.mark?.status === status ? row.mark.note : '');
  const { busy, error, run } = useRun();
  return (
    <Modal title={t('attendanceUi.markDialog.title', { name: row.name })} onClose={onClose} initialFocus={`#${CSS.escape(`${id}-note`)}`}>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const mark = await run('mark', () => api['attendance.mark']({ sessionId, enrolmentId: row.enrolmentId, status: value, note }));
          if (mark) onSaved(mark);
        }}
      >
        <p className="form-note">{row.nip ? formatNip(row.nip) : ''}{row.unit ? ` · ${row.unit}` : ''}</p>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('attendanceUi.markDialog.status')}</label>
          <select id={`${id}-status`} value={value} onChange={(e) => setValue(e.target.value as AttendanceStatus)}>
            {statusOptions(t).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('attendanceUi.markDialog.note')} <span className="field-optional">({t('common.optional')})</span></label>
          <input id={`${id}-note`} value={note} maxLength={300} autoComplete="off" onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-hint`} />
          <p className="field-hint" id={`${id}-hint`}>{t('attendanceUi.markDialog.noteHint')}</p>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" aria-busy={busy !== null || undefined}>{busy ? t('common.saving') : t('attendanceUi.markDialog.submit', { status: statusWord(t, value) })}</button>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
