import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { describeError } from '../../components/errors.ts';
import { currentLanguage } from '../../i18n.ts';
import { clockTime, statusWord } from '../trainings/format.ts';
import type { ScanEntry } from './useScanQueue.ts';

export interface ScanActions {
  timeZone: string;
  /** The door's running action ('enrol-<key>' while a scan's person is being enrolled). */
  busy: string | null;
  onRetry(entry: ScanEntry): void;
  onEnrol(entry: ScanEntry, employeeId: string): void;
  onWalkIn(entry: ScanEntry, nip: string): void;
}

/** The latest scan's answer, large and announced as it comes. */
export function ScanLatest({ entries, ...actions }: ScanActions & { entries: readonly ScanEntry[] }) {
  const { t } = useTranslation();
  const latest = entries[0];
  return (
    <div className="scan-latest" aria-live="polite" aria-atomic="true" aria-label={t('attendanceUi.door.latest')} role="region">
      {latest ? <ScanCard entry={latest} big {...actions} /> : <p className="scan-empty">{t('attendanceUi.door.waiting')}</p>}
    </div>
  );
}

/** The few scans before the latest, compact. */
export function ScanHistory({ entries, ...actions }: ScanActions & { entries: readonly ScanEntry[] }) {
  const { t } = useTranslation();
  const id = useId();
  if (entries.length < 2) return null;
  return (
    <section className="scan-history" aria-labelledby={id}>
      <h2 id={id} className="h-small">{t('attendanceUi.door.history')}</h2>
      <ol className="scan-history-list">
        {entries.slice(1, 7).map((x) => <li key={x.key}><ScanCard entry={x} {...actions} /></li>)}
      </ol>
    </section>
  );
}

/** One scan's answer: large for the latest, compact in the history. */
export function ScanCard({ entry, big, timeZone, busy, onRetry, onEnrol, onWalkIn }: ScanActions & { entry: ScanEntry; big?: boolean }) {
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
