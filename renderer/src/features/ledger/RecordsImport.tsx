import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { IMPORT_MAX_BYTES, IMPORT_MAX_MB, type ImportIssue } from '../../../../shared/contract/roster.ts';
import { RECORD_IMPORT_FIELDS, type RecordImportField, type RecordImportInput, type RecordImportPreview, type RecordImportSummary } from '../../../../shared/contract/records.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { fieldLabel } from '../../../../shared/i18n/index.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { currentLanguage } from '../../i18n.ts';
import { issueMessage, labelled } from '../employees/format.ts';
import { ColumnMapping, ImportSource, mappedTwice, type ColumnMap } from '../roster-import/ColumnMapping.tsx';
import { columnLetter } from '../roster-import/shared.tsx';
import { competencyOptions, dateRange, figure, methodOptions } from '../trainings/format.ts';

type Step = 'file' | 'mapping' | 'check' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'check', 'done'];
type Kind = RecordImportPreview['items'][number]['kind'];
const KINDS: Kind[] = ['new', 'duplicate', 'error'];
const NEEDED: RecordImportField[] = ['nip', 'title', 'startDate'];
const SHOW_STEP = 200;

type Mapping = ColumnMap<RecordImportField>;
interface Source { fileName: string; dataBase64: string }
/** What the clerk chose; `mapping` stays unset until a column is changed (the backend then matches headers). */
interface Choices { sheet?: string; mapping?: Mapping; defaultMethodId?: number; defaultCompetencyType?: RecordImportInput['defaultCompetencyType']; defaultOrganiser?: string }

function toInput(source: Source, c: Choices): RecordImportInput {
  return {
    fileName: source.fileName,
    dataBase64: source.dataBase64,
    ...(c.sheet ? { sheet: c.sheet } : {}),
    ...(c.mapping ? { mapping: c.mapping } : {}),
    ...(c.defaultMethodId ? { defaultMethodId: c.defaultMethodId } : {}),
    ...(c.defaultCompetencyType ? { defaultCompetencyType: c.defaultCompetencyType } : {}),
    ...(c.defaultOrganiser?.trim() ? { defaultOrganiser: c.defaultOrganiser.trim() } : {}),
  };
}

/** Rows by what they would do; a repeat's note of what it repeats is not counted as a warning. */
function countKinds(items: RecordImportPreview['items']): Record<Kind | 'warning', number> {
  const counts = { new: 0, duplicate: 0, error: 0, warning: 0 };
  for (const i of items) {
    counts[i.kind] += 1;
    if (i.kind !== 'duplicate' && i.warnings.length) counts.warning += 1;
  }
  return counts;
}

/**
 * Impor: outside trainings from a spreadsheet or a learning platform's export — file, columns
 * (with the method and organiser for rows that give none), the dry run row by row, then the
 * new rows written at once; repeats of recorded trainings and wrong rows are left out and listed.
 */
export function RecordsImport() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<Source | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [preview, setPreview] = useState<RecordImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<RecordImportSummary | null>(null);
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

  /** The dry run for these choices; an answer to an older choice is dropped. */
  const runPreview = async (src: Source, next: Choices, then?: Step) => {
    const seq = ++latest.current;
    setChoices(next);
    setBusy(true);
    setError(null);
    try {
      const result = await api['records.preview'](toInput(src, next));
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
    if (!file) { setError({ code: 'VALIDATION', message: 'rosterImport.file.required', details: { issues: [{ path: [], message: 'rosterImport.file.required' }] } }); return; }
    if (file.size > IMPORT_MAX_BYTES) { setError({ code: 'VALIDATION', message: 'import.too_large', details: { issues: [{ path: [], message: 'import.too_large', params: { maxMb: IMPORT_MAX_MB } }] } }); return; }
    setBusy(true);
    try {
      const src = { fileName: file.name, dataBase64: await readBase64(file) };
      setSource(src);
      setApplied(null);
      setPreview(null);
      await runPreview(src, choices.defaultMethodId ? { defaultMethodId: choices.defaultMethodId } : {}, 'mapping');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const mapping: Mapping = choices.mapping ?? preview?.mapping ?? {};
  // Apply exactly what was previewed: the mapping and sheet the preview used, spelled out.
  const applyInput = source && preview ? { ...toInput(source, choices), mapping, ...(preview.sheet ? { sheet: preview.sheet } : {}) } : null;
  const counts = preview ? countKinds(preview.items) : null;

  const apply = async () => {
    if (!applyInput) return;
    setApplying(true);
    setError(null);
    try {
      setApplied(await api['records.apply'](applyInput));
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
    setChoices((c) => (c.defaultMethodId ? { defaultMethodId: c.defaultMethodId } : {}));
    setError(null);
    setBusy(false);
    setStep('file');
  };

  return (
    <div className="stack">
      <p className="form-note">{t('ledgerUi.import.intro')}</p>
      <ol className="steps" aria-label={t('rosterImport.steps.label')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={STEPS.indexOf(step) > i ? 'step-done' : undefined}>
            <span className="step-number" aria-hidden="true">{i + 1}</span> {t(`ledgerUi.import.steps.${s}`)}
          </li>
        ))}
      </ol>

      {step === 'file' && (
        <StepCard title={t('ledgerUi.import.fileTitle')} headingRef={headingRef}>
          <FileChooser busy={busy} onFile={(f) => void readFile(f)} />
          {error ? <ErrorAlert error={error} /> : null}
        </StepCard>
      )}

      {step === 'mapping' && preview && source && counts && (
        <StepCard title={t('ledgerUi.import.mappingTitle')} headingRef={headingRef}>
          <p className="form-note">{t('ledgerUi.import.mappingIntro')}</p>
          <ImportSource
            fileName={source.fileName}
            format={preview.format}
            headerRowNumber={preview.headerRowNumber}
            sheets={preview.sheets}
            sheet={preview.sheet}
            onSheet={(sheet) => void runPreview(source, { ...choices, sheet, mapping: undefined })}
          />
          <ColumnMapping
            headers={preview.headers}
            mapping={mapping}
            fields={RECORD_IMPORT_FIELDS}
            fieldName={(f) => t(`ledgerUi.import.fields.${f}`)}
            onMapping={(m) => void runPreview(source, { ...choices, mapping: m })}
          />
          <MappingChecks headers={preview.headers} mapping={mapping} />
          <Defaults choices={choices} busy={busy} onChange={(patch) => void runPreview(source, { ...choices, mapping, ...patch })} />
          <div className="mapping-summary" aria-busy={busy || undefined}>
            <KindCounts counts={counts} />
            {busy && <p className="loading" role="status">{t('rosterImport.mapping.updating')}</p>}
          </div>
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => setStep('check')} disabled={busy}>{t('ledgerUi.import.toCheck')}</button>
            <button type="button" className="btn" onClick={restart}>{t('rosterImport.file.choose')}</button>
          </div>
        </StepCard>
      )}

      {step === 'check' && preview && counts && (
        <StepCard title={t('ledgerUi.import.checkTitle')} headingRef={headingRef}>
          <CheckRows preview={preview} counts={counts} busy={busy} />
          {error ? <ErrorAlert error={error} /> : null}
          <p className="import-plan" aria-live="polite">
            {counts.new > 0
              ? t('ledgerUi.import.willWrite', { count: counts.new, n: counts.new, duplicates: counts.duplicate, errors: counts.error })
              : t('ledgerUi.import.nothingToWrite')}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy || counts.new === 0} aria-busy={applying || undefined}>
              {applying ? t('rosterImport.check.applying') : t('ledgerUi.import.apply', { count: counts.new, n: counts.new })}
            </button>
            <button type="button" className="btn" onClick={() => setStep('mapping')}>{t('rosterImport.check.back')}</button>
          </div>
        </StepCard>
      )}

      {step === 'done' && applied && (
        <StepCard title={t('ledgerUi.import.doneTitle')} headingRef={headingRef}>
          <Notice>{t('ledgerUi.import.done', { count: applied.created, n: applied.created })}</Notice>
          <KindCounts counts={{ new: applied.created, duplicate: applied.duplicates, error: new Set(applied.errors.map((e) => e.row)).size, warning: new Set(applied.warnings.filter((w) => !w.code.startsWith('records.duplicate')).map((w) => w.row)).size }} done />
          {(applied.duplicates > 0 || applied.errors.length > 0) && <p className="form-note">{t('ledgerUi.import.leftOut')}</p>}
          <div className="form-actions">
            <Link href="/capaian/luar" className="btn btn-primary">{t('ledgerUi.import.toList')}</Link>
            <button type="button" className="btn" onClick={restart}>{t('rosterImport.done.again')}</button>
          </div>
        </StepCard>
      )}
    </div>
  );
}

function StepCard({ title, headingRef, children }: { title: string; headingRef: RefObject<HTMLHeadingElement | null>; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card import-step" aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={-1}>{title}</h2>
      {children}
    </section>
  );
}

function FileChooser({ busy, onFile }: { busy: boolean; onFile(file: File | undefined): void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); if (!busy) onFile(inputRef.current?.files?.[0]); }}>
      <div className="field">
        <label htmlFor={id}>{t('ledgerUi.import.file', { maxMb: IMPORT_MAX_MB })}</label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { if (e.target.files?.[0] && !busy) onFile(e.target.files[0]); }}
        />
        <p className="field-hint" id={`${id}-hint`}>{t('ledgerUi.import.fileHint')}</p>
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

/** The columns a record cannot do without, and fields chosen for two columns. */
function MappingChecks({ headers, mapping }: { headers: string[]; mapping: Mapping }) {
  const { t } = useTranslation();
  const { columnsOf, duplicates } = mappedTwice(headers, mapping);
  const missing = NEEDED.filter((f) => !columnsOf.has(f));
  return (
    <div aria-live="polite">
      {missing.length > 0 && (
        <p className="alert alert-error">{t('ledgerUi.import.missing', { fields: missing.map((f) => t(`ledgerUi.import.fields.${f}`)).join(', ') })}</p>
      )}
      {duplicates.map(([field, cols]) => (
        <p key={field} className="alert alert-warning">
          {t('rosterImport.mapping.duplicate', { field: t(`ledgerUi.import.fields.${field}`), columns: cols.map(columnLetter).join(', ') })}
        </p>
      ))}
    </div>
  );
}

/** The method, competency type and organiser for the rows whose file says nothing of them. */
function Defaults({ choices, busy, onChange }: { choices: Choices; busy: boolean; onChange(patch: Partial<Choices>): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [organiser, setOrganiser] = useState(choices.defaultOrganiser ?? '');
  return (
    <fieldset className="ledger-defaults" disabled={busy}>
      <legend>{t('ledgerUi.import.defaults')}</legend>
      <p className="form-note">{t('ledgerUi.import.defaultsNote')}</p>
      <div className="grid-3">
        <div className="field">
          <label htmlFor={`${id}-method`}>{t('ledgerUi.import.defaultMethod')}</label>
          <select id={`${id}-method`} value={choices.defaultMethodId ? String(choices.defaultMethodId) : ''} onChange={(e) => onChange({ defaultMethodId: e.target.value ? Number(e.target.value) : undefined })}>
            <option value="">{t('ledgerUi.import.noDefault')}</option>
            {methodOptions(t).map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-competency`}>{t('ledgerUi.import.defaultCompetency')}</label>
          <select id={`${id}-competency`} value={choices.defaultCompetencyType ?? ''} onChange={(e) => onChange({ defaultCompetencyType: (e.target.value || undefined) as Choices['defaultCompetencyType'] })}>
            <option value="">{t('ledgerUi.import.noDefault')}</option>
            {competencyOptions(t).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-organiser`}>{t('ledgerUi.import.defaultOrganiser')}</label>
          <input
            id={`${id}-organiser`}
            value={organiser}
            maxLength={200}
            onChange={(e) => setOrganiser(e.target.value)}
            onBlur={() => { if (organiser.trim() !== (choices.defaultOrganiser ?? '')) onChange({ defaultOrganiser: organiser.trim() }); }}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); e.currentTarget.blur(); } }}
          />
        </div>
      </div>
    </fieldset>
  );
}

function KindCounts({ counts, done }: { counts: Record<Kind | 'warning', number>; done?: boolean }) {
  const { t } = useTranslation();
  return (
    <dl className="import-counts" aria-label={t('ledgerUi.import.countsLabel')}>
      {([...KINDS, 'warning'] as const).map((k) => (
        <div key={k} className={`import-count import-count-${k === 'duplicate' ? 'update' : k}`}>
          <dt>{t(done && k === 'new' ? 'ledgerUi.import.kinds.created' : `ledgerUi.import.kinds.${k}`)}</dt>
          <dd>{counts[k]}</dd>
        </div>
      ))}
    </dl>
  );
}

type Filter = 'all' | Kind;

/** Every row of the file with its Excel row number, what it would do, and what is wrong with it. */
function CheckRows({ preview, counts, busy }: { preview: RecordImportPreview; counts: Record<Kind | 'warning', number>; busy: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(SHOW_STEP);
  const rows = preview.items.filter((r) => filter === 'all' || r.kind === filter);
  const shown = rows.slice(0, limit);
  const issue = (i: ImportIssue) => {
    const label = (RECORD_IMPORT_FIELDS as readonly string[]).includes(i.field) ? t(`ledgerUi.import.fields.${i.field}`) : (fieldLabel(t, [i.field]) ?? i.field);
    return labelled(label, issueMessage(t, lang, i));
  };

  return (
    <>
      <KindCounts counts={counts} />
      <div className="segmented" role="group" aria-label={t('rosterImport.check.filter')}>
        {(['all', ...KINDS] as Filter[]).map((f) => (
          <button key={f} type="button" className="segment" aria-pressed={filter === f} onClick={() => { setFilter(f); setLimit(SHOW_STEP); }}>
            {f === 'all' ? t('rosterImport.check.all') : t(`ledgerUi.import.kinds.${f}`)} ({f === 'all' ? preview.items.length : counts[f]})
          </button>
        ))}
      </div>
      {shown.length === 0 ? <p className="muted">{t('rosterImport.check.noRows')}</p> : (
        <div className="table-wrap" aria-busy={busy || undefined}>
          <table className="table table-compact import-rows">
            <caption className="visually-hidden">{t('ledgerUi.import.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="col-row">{t('rosterImport.check.row')}</th>
                <th scope="col" className="col-kind">{t('rosterImport.check.result')}</th>
                <th scope="col">{t('ledgerUi.import.person')}</th>
                <th scope="col">{t('ledgerUi.import.training')}</th>
                <th scope="col" className="num">{t('ledgerUi.records.jpShort')}</th>
                <th scope="col">{t('rosterImport.check.details')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.row} className={`import-row import-row-${r.kind}`}>
                  <td className="num">{r.row}</td>
                  <td><span className={`badge badge-kind-${r.kind === 'duplicate' ? 'unchanged' : r.kind}`}>{t(`ledgerUi.import.kinds.${r.kind}`)}</span></td>
                  <td>
                    {r.name || '—'}
                    <span className="cell-sub mono nowrap">{/^\d{18}$/.test(r.nip) ? formatNip(r.nip) : r.nip || '—'}</span>
                  </td>
                  <td>
                    {r.title || '—'}
                    {/^\d{4}-\d{2}-\d{2}$/.test(r.startDate) ? <span className="cell-sub">{dateRange(r.startDate, null, lang)}</span> : r.startDate && <span className="cell-sub">{r.startDate}</span>}
                  </td>
                  <td className="num">{r.jp === null ? '—' : figure(r.jp, lang)}</td>
                  <td>
                    <ul className="issue-list">
                      {r.errors.map((e, i) => {
                        const { label, text } = issue(e);
                        return <li key={`e${i}`} className="issue-error">{label && <><span className="issue-field">{label}:</span> </>}{text}</li>;
                      })}
                      {r.warnings.map((w, i) => {
                        const { label, text } = issue(w);
                        return <li key={`w${i}`} className="issue-warning">{label && <><span className="issue-field">{label}:</span> </>}{text}</li>;
                      })}
                    </ul>
                  </td>
                </tr>
              ))}
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
