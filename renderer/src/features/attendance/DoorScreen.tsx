import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Event, Session } from '../../../../shared/contract/events.ts';
import type { AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { doorTiming } from '../../../../shared/domain/office-time.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { WalkInDialog } from '../events/ParticipantsTab.tsx';
import { dayDate, statusWord, timeRange } from '../trainings/format.ts';
import { ConfirmDialog, useRun } from '../trainings/ui.tsx';
import { DoorCounters } from './DoorCounters.tsx';
import { MarkDialog } from './MarkDialog.tsx';
import { PeoplePanel, type FocusRow } from './PeopleTable.tsx';
import { ScanBox } from './ScanBox.tsx';
import { ScanHistory, ScanLatest, type ScanActions } from './ScanCard.tsx';
import { SessionPage } from './shared.tsx';
import { useDoorSheet, type SheetRow } from './useDoorSheet.ts';
import type { ScanEntry } from './useScanQueue.ts';

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

/** The one dialog the door may have open. */
type DoorDialog =
  | { kind: 'mark'; row: SheetRow; status: AttendanceStatus }
  | { kind: 'clear'; row: SheetRow }
  | { kind: 'rest' }
  | { kind: 'walkIn'; key: number; nip: string };

function Door({ event, session }: { event: Event; session: Session }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const door = useDoorSheet(session.id);
  const { loadSheet, replaceEntry } = door;
  const inputRef = useRef<HTMLInputElement>(null);
  const focusRow: FocusRow = useRef(null);
  const [dialog, setDialog] = useState<DoorDialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusAfterMark, setFocusAfterMark] = useState<string | null>(null);
  const action = useRun();
  const clearAction = action.clear;
  const focusInput = useCallback(() => inputRef.current?.focus(), []);

  // Back on the row (or, when it left the filtered list, on the one now in its place), once the
  // list shows the new mark and the dialog has closed: an effect runs after both are committed,
  // where an animation frame could come before React has rendered them.
  useEffect(() => {
    if (!focusAfterMark || dialog) return;
    focusRow.current?.(focusAfterMark);
    setFocusAfterMark(null);
  }, [focusAfterMark, dialog, door.rows, focusRow]);

  // After a dialog closes the door is ready for the next person again, except after a mark
  // given on a row: the clerk goes on down the list from that row.
  const lastDialog = useRef<DoorDialog['kind'] | null>(null);
  useEffect(() => {
    if (dialog) {
      lastDialog.current = dialog.kind;
    } else if (lastDialog.current) {
      if (lastDialog.current !== 'mark') focusInput();
      lastDialog.current = null;
    }
  }, [dialog, focusInput]);

  const open = useCallback((next: DoorDialog) => { setNotice(null); clearAction(); setDialog(next); }, [clearAction]);
  const openMark = useCallback((row: SheetRow, status: AttendanceStatus) => open({ kind: 'mark', row, status }), [open]);
  const openClear = useCallback((row: SheetRow) => open({ kind: 'clear', row }), [open]);

  const enrolAndMark = async (entry: ScanEntry, employeeId: string) => {
    const result = await action.run(`enrol-${entry.key}`, () => api['attendance.enrolAndMark']({ sessionId: session.id, employeeId }));
    if (result) {
      replaceEntry(entry.key, result);
      await loadSheet();
    }
    focusInput();
  };

  const scanActions: ScanActions = {
    timeZone: office.timezone,
    busy: action.busy,
    onRetry: (x) => { door.retryEntry(x); focusInput(); },
    onEnrol: (x, employeeId) => void enrolAndMark(x, employeeId),
    onWalkIn: (x, nip) => setDialog({ kind: 'walkIn', key: x.key, nip }),
  };

  return (
    <div className="door">
      <div className="door-main">
        <ScanBox inputRef={inputRef} pending={door.pending} paused={dialog !== null} onScan={door.enqueue} />
        <ScanLatest entries={door.entries} {...scanActions} />
        {action.error ? <ErrorAlert error={action.error} /> : null}
      </div>
      <ScanHistory entries={door.entries} {...scanActions} />

      <PeoplePanel
        rows={door.rows}
        counts={door.counts}
        problem={door.problem}
        loading={door.loading}
        onReload={() => void loadSheet()}
        notice={notice && <Notice>{notice}</Notice>}
        onRest={() => open({ kind: 'rest' })}
        onMark={openMark}
        onClear={openClear}
        focusRef={focusRow}
        timeZone={office.timezone}
        figures={<DoorCounters counts={door.counts} />}
      />

      {dialog?.kind === 'mark' && (
        <MarkDialog
          row={dialog.row}
          status={dialog.status}
          onClose={() => setDialog(null)}
          onSave={async (status, note) => {
            await door.saveStatus(dialog.row.enrolmentId, status, note);
            setDialog(null);
            setFocusAfterMark(dialog.row.enrolmentId);
          }}
        />
      )}

      {dialog?.kind === 'clear' && (
        <ConfirmDialog
          title={t('attendanceUi.door.clearTitle', { name: dialog.row.name })}
          confirm={t('attendanceUi.door.clearConfirm')}
          danger
          onClose={() => setDialog(null)}
          action={() => door.clearMark(dialog.row.enrolmentId)}
          onDone={() => setDialog(null)}
        >
          <p>{t('attendanceUi.door.clearText', { name: dialog.row.name, status: dialog.row.mark ? statusWord(t, dialog.row.mark.status) : '—' })}</p>
        </ConfirmDialog>
      )}

      {dialog?.kind === 'rest' && (
        <ConfirmDialog
          title={t('attendanceUi.door.restTitle')}
          confirm={t('attendanceUi.door.restConfirm', { n: door.counts?.open ?? 0 })}
          danger
          onClose={() => setDialog(null)}
          action={() => api['attendance.markRest']({ sessionId: session.id, status: 'alpa' })}
          onDone={async (r) => {
            setDialog(null);
            await loadSheet();
            setNotice(t('attendanceUi.door.restDone', { count: r.marked, n: r.marked }));
          }}
        >
          <p>{t('attendanceUi.door.restText', { n: door.counts?.open ?? 0 })}</p>
        </ConfirmDialog>
      )}

      {dialog?.kind === 'walkIn' && (
        <WalkInDialog
          eventId={event.id}
          initialNip={dialog.nip}
          submitLabel={t('attendanceUi.door.walkInSubmit')}
          onClose={() => setDialog(null)}
          onAdded={async (enrolment) => {
            // The guest is enrolled now; whatever happens next, the dialog must not enrol them twice.
            const key = dialog.key;
            setDialog(null);
            // Their NIP now finds them: the scan marks them like anyone at the door (Hadir or
            // Terlambat by the clock); without a NIP they are marked Hadir.
            await action.run(`walkin-${key}`, async () => {
              if (enrolment.nip) {
                replaceEntry(key, await api['attendance.scan']({ sessionId: session.id, input: enrolment.nip }));
              } else {
                const set = await door.saveStatus(enrolment.id, 'hadir', '');
                replaceEntry(key, { outcome: 'marked', person: set.participant, mark: set.mark, nip: '', code: null });
              }
            });
            await loadSheet();
          }}
        />
      )}
    </div>
  );
}
