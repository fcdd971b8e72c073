import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Event, Session } from '../../../../shared/contract/events.ts';
import { ATTENDANCE_STATUSES, STATUS_CODE, type AttendanceStatus } from '../../../../shared/domain/jp.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { DataTable } from '../../components/table.tsx';
import { KEY_OF_STATUS, STATUS_KEYS, statusOptions, statusWord } from '../trainings/format.ts';
import { Figures, useRun } from '../trainings/ui.tsx';
import { SessionPage } from './shared.tsx';

type Row = { enrolmentId: string; name: string; nip: string | null; unit: string | null; jabatan: string; status: AttendanceStatus | ''; note: string; was: { status: AttendanceStatus; note: string } | null };

/** `#/kegiatan/<id>/sesi/<sessionId>/kertas`: the signed paper sheet typed in, one fast screen. */
export function PaperEntry() {
  return (
    <SessionPage titleKey="attendanceUi.paper.title" other="door">
      {(event, session) => <Paper key={session.id} event={event} session={session} />}
    </SessionPage>
  );
}

function Paper({ session }: { event: Event; session: Session }) {
  const { t } = useTranslation();
  const sheet = useLoader(() => api['attendance.sheet']({ sessionId: session.id }), [session.id]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number; unchanged: number } | null>(null);
  const selects = useRef<(HTMLSelectElement | null)[]>([]);
  const { busy, error, run } = useRun();

  useEffect(() => {
    if (!sheet.data) return;
    setRows(sheet.data.rows.map((r) => ({
      enrolmentId: r.enrolmentId, name: r.name, nip: r.nip, unit: r.unit, jabatan: r.jabatan,
      status: r.mark?.status ?? '', note: r.mark?.note ?? '', was: r.mark ? { status: r.mark.status, note: r.mark.note } : null,
    })));
  }, [sheet.data]);

  const set = (index: number, patch: Partial<Row>) => {
    setResult(null);
    setRows((list) => list && list.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };
  const focusRow = (index: number) => selects.current[Math.max(0, Math.min((rows?.length ?? 1) - 1, index))]?.focus();

  // A letter gives the mark and moves down; the arrows move between rows (not through the options).
  const onKey = (e: KeyboardEvent<HTMLSelectElement>, index: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (STATUS_KEYS[key]) {
      e.preventDefault();
      set(index, { status: STATUS_KEYS[key] });
      focusRow(index + 1);
    } else if (key === 'arrowdown' || key === 'enter') {
      e.preventDefault();
      focusRow(index + 1);
    } else if (key === 'arrowup') {
      e.preventDefault();
      focusRow(index - 1);
    } else if (key === '-' || key === 'delete') {
      e.preventDefault();
      set(index, { status: '' });
    }
  };

  const changed = (rows ?? []).filter((r) => r.status !== '' && (!r.was || r.was.status !== r.status || r.was.note !== r.note.trim()));
  const filled = (rows ?? []).filter((r) => r.status !== '').length;

  const save = async () => {
    if (!rows) return;
    const marks = rows.filter((r) => r.status !== '').map((r) => ({ enrolmentId: r.enrolmentId, status: r.status as AttendanceStatus, note: r.note }));
    const r = await run('save', () => api['attendance.paperEntry']({ sessionId: session.id, marks }));
    if (r) {
      setResult(r);
      sheet.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="paper-title">
      <h2 id="paper-title" className="visually-hidden">{t('attendanceUi.paper.tableTitle')}</h2>
      <p className="form-note">{t('attendanceUi.paper.intro')}</p>
      <p className="list-keys muted">
        {t('attendanceUi.paper.keys')}{' '}
        {ATTENDANCE_STATUSES.map((s) => (
          <span key={s} className="key-hint"><kbd>{KEY_OF_STATUS[s]}</kbd> {statusWord(t, s)}</span>
        ))}
        <span className="key-hint"><kbd>↑</kbd><kbd>↓</kbd> {t('attendanceUi.paper.moveKeys')}</span>
      </p>
      {result && <Notice>{t('attendanceUi.paper.saved', result)}</Notice>}
      {error ? <ErrorAlert error={error} /> : null}
      {sheet.error && !rows ? <ErrorAlert error={sheet.error} /> : null}
      {rows && (rows.length === 0 ? <p className="list-empty">{t('eventsUi.participants.empty')}</p> : (
        <>
          <DataTable
            rows={rows}
            caption={t('attendanceUi.paper.tableTitle')}
            className="table-compact paper-table"
            rowKey={(r) => r.enrolmentId}
            rowClassName={(r) => (r.status ? `paper-set code-row-${r.status}` : undefined)}
            columns={[
              { key: 'no', header: t('eventsUi.sessions.no'), num: true, cell: (_, i) => i + 1 },
              { key: 'name', header: t('eventsUi.participants.name'), rowHeader: true, cell: (r) => <>{r.name}{r.unit && <span className="cell-sub">{r.unit}</span>}</> },
              { key: 'nip', header: t('field.nip'), className: 'mono nowrap', cell: (r) => (r.nip ? formatNip(r.nip) : '—') },
              {
                key: 'status',
                header: t('attendanceUi.paper.status'),
                cell: (r, i) => <>
                  <select
                    ref={(el) => { selects.current[i] = el; }}
                    className="paper-select"
                    aria-label={t('attendanceUi.paper.statusOf', { name: r.name })}
                    value={r.status}
                    onChange={(e) => set(i, { status: e.target.value as AttendanceStatus | '' })}
                    onKeyDown={(e) => onKey(e, i)}
                  >
                    <option value="">{t('attendanceUi.paper.none')}</option>
                    {statusOptions(t).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                  {r.was && r.was.status !== r.status && <span className="cell-sub">{t('attendanceUi.paper.was', { code: STATUS_CODE[r.was.status] })}</span>}
                </>,
              },
              {
                key: 'note',
                header: t('attendanceUi.markDialog.note'),
                cell: (r, i) => (
                  <input
                    className="paper-note"
                    aria-label={t('attendanceUi.paper.noteOf', { name: r.name })}
                    value={r.note}
                    maxLength={300}
                    autoComplete="off"
                    onChange={(e) => set(i, { note: e.target.value })}
                  />
                ),
              },
            ]}
          />
          <div className="paper-foot">
            <Figures
              label={t('attendanceUi.paper.figures')}
              items={[
                { key: 'filled', term: t('attendanceUi.paper.filled'), value: `${filled} / ${rows.length}` },
                { key: 'changed', term: t('attendanceUi.paper.changed'), value: changed.length },
              ]}
            />
            <button type="button" className="btn btn-primary" onClick={() => void save()} aria-busy={busy !== null || undefined} disabled={filled === 0}>
              {busy ? t('common.saving') : t('attendanceUi.paper.save')}
            </button>
          </div>
        </>
      ))}
    </section>
  );
}
