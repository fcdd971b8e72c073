import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../../../shared/domain/dates.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { downloadFile } from '../../components/files.ts';
import { Modal } from '../../components/Modal.tsx';
import { yearChoices } from './format.ts';

/**
 * One action at a time (a button's call): busy while it runs, its error kept to show, an
 * ended session sent back to the login. `run` resolves to the result, or undefined on failure.
 */
export function useRun() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(async <T,>(what: string, fn: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(what);
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(err);
      return undefined;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}

type FileData = Parameters<typeof downloadFile>[0];

/** A file a button asks the backend for: fetched, handed to the browser to save, its name kept to say so. */
export function useDownload() {
  const { busy, error, run } = useRun();
  const [saved, setSaved] = useState<string | null>(null);
  const download = async (what: string, load: () => Promise<FileData>) => {
    setSaved(null);
    const file = await run(what, load);
    if (file) {
      downloadFile(file);
      setSaved(file.fileName);
    }
  };
  return { busy, error, saved, download };
}

/** This year in the office's time zone (the year selectors start there). */
export function useOfficeYear(): number {
  const { office } = useSession();
  return Number(dateInZone(new Date(), office.timezone).slice(0, 4));
}

// The year chosen per area survives a visit elsewhere and back (memory only).
const rememberedYears = new Map<string, number>();

/** An area's chosen year, this year (office time) until one is chosen. */
export function useRememberedYear(area: string): [number, (year: number) => void] {
  const thisYear = useOfficeYear();
  const [year, setYearState] = useState(rememberedYears.get(area) ?? thisYear);
  return [year, (y: number) => { rememberedYears.set(area, y); setYearState(y); }];
}

/** The year picker of an area's header: this year (office time) and the years around it. */
export function YearSelect({ label, year, onChange }: { label: ReactNode; year: number; onChange(year: number): void }) {
  const thisYear = useOfficeYear();
  return (
    <PlainSelect label={label} value={String(year)} onChange={(v) => onChange(Number(v))} className="field-year">
      {yearChoices(thisYear).map((y) => <option key={y} value={y}>{y}</option>)}
    </PlainSelect>
  );
}

/** A labelled select outside a form (year, filters). */
export function PlainSelect({ label, value, onChange, children, className }: { label: ReactNode; value: string; onChange(value: string): void; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>{children}</select>
    </div>
  );
}

/** XLSX and PDF of a recap: each button asks the backend for the file and saves it. */
export function FileButtons({ load, label }: { load(format: 'xlsx' | 'pdf'): Promise<{ fileName: string; mimeType: string; dataBase64: string }>; label?: string }) {
  const { t } = useTranslation();
  const { busy, error, saved, download } = useDownload();
  const get = (format: 'xlsx' | 'pdf') => download(format, () => load(format));
  return (
    <div className="file-buttons" role="group" aria-label={label ?? t('recapUi.exportGroup')}>
      <button type="button" className="btn btn-small" onClick={() => void get('xlsx')} aria-busy={busy === 'xlsx' || undefined}>
        {busy === 'xlsx' ? t('recapUi.preparing') : t('recapUi.xlsx')}
      </button>
      <button type="button" className="btn btn-small" onClick={() => void get('pdf')} aria-busy={busy === 'pdf' || undefined}>
        {busy === 'pdf' ? t('recapUi.preparing') : t('recapUi.pdf')}
      </button>
      {saved && <span className="muted" role="status">{t('recapUi.downloaded', { fileName: saved })}</span>}
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

/**
 * "Yakin?" with the consequence spelled out, the confirming button first. The dialog runs the
 * action itself (one lock, its error shown here); `onDone` gets the result and closes it.
 */
export function ConfirmDialog<T>({ title, children, confirm, busyText, danger, action, onDone, onClose }: {
  title: string;
  children: ReactNode;
  confirm: string;
  busyText?: string;
  danger?: boolean;
  action(): Promise<T>;
  onDone(result: T): Promise<void> | void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useRun();
  return (
    <Modal title={title} onClose={onClose} initialFocus="[data-confirm]">
      {children}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button
          type="button"
          data-confirm=""
          className={danger ? 'btn btn-danger' : 'btn btn-primary'}
          aria-busy={busy !== null || undefined}
          onClick={() => void run('confirm', async () => onDone(await action()))}
        >
          {busy ? (busyText ?? t('common.saving')) : confirm}
        </button>
        <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
      </div>
    </Modal>
  );
}

/** A short list of figures with their names ("Hadir 25"), read as a description list. */
export function Figures({ label, items, className }: { label: string; items: { key: string; term: string; value: ReactNode; tone?: string }[]; className?: string }) {
  return (
    <dl className={`figures${className ? ` ${className}` : ''}`} aria-label={label}>
      {items.map((i) => (
        <div key={i.key} className={`figure${i.tone ? ` figure-${i.tone}` : ''}`}>
          <dt>{i.term}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
