import { Fragment, useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/contract/roster.ts';
import { readBase64 } from '../../components/files.ts';
import type { ColumnMap } from './ColumnMapping.tsx';

// The steps of a file import that do not depend on what is imported: the roster import and the
// training-records import walk the same file → columns → check → done, each with its own fields,
// texts and extra steps.

export type ImportStep = 'file' | 'mapping' | 'units' | 'check' | 'done';
export interface ImportFile { fileName: string; dataBase64: string }

/** The error a file is refused with before it is read, shaped as the backend's validation errors. */
function fileProblem(message: string, params?: Record<string, string | number>) {
  return { code: 'VALIDATION', message, details: { issues: [{ path: [], message, ...(params ? { params } : {}) }] } };
}

type Mapping<C extends { mapping?: ColumnMap<string> }> = NonNullable<C['mapping']>;

interface WizardOptions<C, I, P, A> {
  toInput(file: ImportFile, choices: C): I;
  preview(input: I): Promise<P>;
  apply(input: I): Promise<A>;
  /** What a new file, or starting again, keeps of the earlier choices. */
  kept(choices: C): C;
  maxBytes: number;
  /** The error key (and its params) for a file larger than `maxBytes`. */
  tooLarge: { message: string; params?: Record<string, string | number> };
  /** Forgets the screen's own state when a new file is read or the import starts again. */
  onReset?(): void;
  onApplied?(): void;
}

/**
 * The state of a file import: the file, the clerk's choices, the latest dry run (every choice is
 * a new preview; an answer to an older choice is dropped) and the applied result. `mapping` stays
 * unset in the choices until a column is changed, so the backend matches the headers itself.
 */
export function useImportWizard<C extends { sheet?: string; mapping?: ColumnMap<string> }, I, P extends { mapping: Mapping<C>; sheet: string | null }, A>(
  options: WizardOptions<C, I, P, A>,
) {
  const [step, setStep] = useState<ImportStep>('file');
  const [source, setSource] = useState<ImportFile | null>(null);
  // Every choice is optional: none made yet.
  const [choices, setChoices] = useState<C>({} as C);
  const [preview, setPreview] = useState<P | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<A | null>(null);
  const latest = useRef(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each step starts at its heading, for keyboard and screen-reader users.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const runPreview = async (src: ImportFile, next: C, then?: ImportStep) => {
    const seq = ++latest.current;
    setChoices(next);
    setBusy(true);
    setError(null);
    try {
      const result = await options.preview(options.toInput(src, next));
      if (seq !== latest.current) return;
      setPreview(result);
      if (then) setStep(then);
    } catch (err) {
      if (seq === latest.current) setError(err);
    } finally {
      if (seq === latest.current) setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    setError(null);
    if (!file) {
      setError(fileProblem('rosterImport.file.required'));
      return;
    }
    if (file.size > options.maxBytes) {
      setError(fileProblem(options.tooLarge.message, options.tooLarge.params));
      return;
    }
    setBusy(true);
    try {
      const src = { fileName: file.name, dataBase64: await readBase64(file) };
      setSource(src);
      setApplied(null);
      setPreview(null);
      options.onReset?.();
      await runPreview(src, options.kept(choices), 'mapping');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  // No column chosen for anything yet: an empty map of the screen's own fields.
  const mapping: Mapping<C> = choices.mapping ?? preview?.mapping ?? ({} as Mapping<C>);
  // Apply exactly what was previewed: the mapping and sheet the preview used, spelled out.
  const applyInput = source && preview ? options.toInput(source, { ...choices, mapping, ...(preview.sheet ? { sheet: preview.sheet } : {}) }) : null;

  const apply = async () => {
    if (!applyInput) return;
    setApplying(true);
    setError(null);
    try {
      setApplied(await options.apply(applyInput));
      options.onApplied?.();
      setStep('done');
    } catch (err) {
      setError(err);
    } finally {
      setApplying(false);
    }
  };

  const restart = () => {
    latest.current++;
    setSource(null);
    setPreview(null);
    setApplied(null);
    setChoices(options.kept);
    options.onReset?.();
    setError(null);
    setBusy(false);
    setStep('file');
  };

  return { step, setStep, source, choices, setChoices, preview, busy, error, applying, applied, headingRef, mapping, applyInput, runPreview, readFile, apply, restart };
}

/** Langkah 1 · 2 · 3 …: the steps of the import, the current one marked. */
export function StepList<S extends ImportStep>({ steps, step, name }: { steps: readonly S[]; step: ImportStep; name(step: S): string }) {
  const { t } = useTranslation();
  const current = steps.findIndex((s) => s === step);
  return (
    <ol className="steps" aria-label={t('rosterImport.steps.label')}>
      {steps.map((s, i) => (
        <li key={s} aria-current={s === step ? 'step' : undefined} className={current > i ? 'step-done' : undefined}>
          <span className="step-number" aria-hidden="true">{i + 1}</span> {name(s)}
        </li>
      ))}
    </ol>
  );
}

export function StepCard({ title, headingRef, children }: { title: string; headingRef: RefObject<HTMLHeadingElement | null>; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card import-step" aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>{title}</h2>
      {children}
    </section>
  );
}

/** The file input, read on choosing (or on "Baca berkas" when the choice is kept). */
export function FileChooser({ busy, label, hint, onFile }: { busy: boolean; label: string; hint: string; onFile(file: File | undefined): void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (!busy) onFile(inputRef.current?.files?.[0]); }}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { if (e.target.files?.[0] && !busy) onFile(e.target.files[0]); }}
        />
        <p className="field-hint" id={`${id}-hint`}>{hint}</p>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" aria-busy={busy || undefined}>
          {busy ? t('rosterImport.file.reading') : t('rosterImport.file.submit')}
        </button>
      </div>
      {busy && <p className="loading" role="status">{t('rosterImport.file.reading')}</p>}
    </form>
  );
}

type IssueText = (issue: ImportIssue) => { label: string | null; text: string };

/** A row's errors, then its warnings, each with the field it is about; `children` add more lines. */
export function IssueList({ errors, warnings, text, children }: { errors: readonly ImportIssue[]; warnings: readonly ImportIssue[]; text: IssueText; children?: ReactNode }) {
  const line = (issue: ImportIssue) => {
    const { label, text: said } = text(issue);
    return <>{label && <><span className="issue-field">{label}:</span> </>}{said}</>;
  };
  return (
    <ul className="issue-list">
      {errors.map((e, i) => <li key={`e${i}`} className="issue-error">{line(e)}</li>)}
      {warnings.map((w, i) => <li key={`w${i}`} className="issue-warning">{line(w)}</li>)}
      {children}
    </ul>
  );
}

const SHOW_STEP = 200;

/**
 * The check step's rows: a filter by what they would do (with counts), the table a first part at
 * a time (thousands of rows stay quick), and "show more".
 */
export function CheckRows<R extends { row: number }, K extends string>({ items, filters, filterName, count, matches, busy, caption, className, head, renderRow }: {
  items: readonly R[];
  /** The filters besides "all". */
  filters: readonly K[];
  filterName(filter: K): string;
  count(filter: K): number;
  matches(row: R, filter: K): boolean;
  busy: boolean;
  caption: string;
  className: string;
  /** The header cells. */
  head: ReactNode;
  renderRow(row: R): ReactNode;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | K>('all');
  const [limit, setLimit] = useState(SHOW_STEP);
  const rows = items.filter((r) => filter === 'all' || matches(r, filter));
  const shown = rows.slice(0, limit);

  return (
    <>
      <div className="segmented" role="group" aria-label={t('rosterImport.check.filter')}>
        {(['all', ...filters] as const).map((f) => (
          <button key={f} type="button" className="segment" aria-pressed={filter === f} onClick={() => { setFilter(f); setLimit(SHOW_STEP); }}>
            {f === 'all' ? t('rosterImport.check.all') : filterName(f)} ({f === 'all' ? items.length : count(f)})
          </button>
        ))}
      </div>
      {shown.length === 0 ? <p className="muted">{t('rosterImport.check.noRows')}</p> : (
        <div className="table-wrap" aria-busy={busy || undefined}>
          <table className={className}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>
              {shown.map((r) => <Fragment key={r.row}>{renderRow(r)}</Fragment>)}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown.length && (
        <div className="form-actions">
          <p className="muted">{t('rosterImport.check.showing', { shown: shown.length, total: rows.length })}</p>
          <button type="button" className="btn btn-small" onClick={() => setLimit((n) => n + SHOW_STEP)}>
            {t('rosterImport.check.showMore', { n: Math.min(SHOW_STEP, rows.length - shown.length) })}
          </button>
        </div>
      )}
    </>
  );
}
