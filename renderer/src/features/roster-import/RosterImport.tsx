import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { IMPORT_MAX_BYTES, type ImportInput, type ImportPreview, type ImportSummary, type UnitChoice, type UnitMatch, type UnknownUnit } from '../../../../shared/contract/roster.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { readBase64 } from '../../components/files.ts';
import { Page } from '../../components/Page.tsx';
import { unitNames } from '../employees/format.ts';
import { CheckStep } from './CheckStep.tsx';
import { MappingStep, type Mapping } from './MappingStep.tsx';
import { CountFacts, countRows, ErrorFileButtons } from './shared.tsx';
import { UnitMatches, UnitsStep } from './UnitsStep.tsx';

type Step = 'file' | 'mapping' | 'units' | 'check' | 'done';
const STEPS: Step[] = ['file', 'mapping', 'units', 'check', 'done'];

interface Source { fileName: string; dataBase64: string }
/**
 * What the clerk chose; `mapping` stays unset until they change a column (the backend then uses
 * the remembered or automatic one); `unitMap` holds the unit step's answers.
 */
interface Choices { sheet?: string; mapping?: Mapping; unitMap?: Record<string, UnitChoice> }
type Applied = ImportSummary & { createdUnits: string[]; unitMatches: UnitMatch[] };

function toInput(source: Source, choices: Choices): ImportInput {
  return {
    fileName: source.fileName,
    dataBase64: source.dataBase64,
    ...(choices.sheet ? { sheet: choices.sheet } : {}),
    ...(choices.mapping ? { mapping: choices.mapping } : {}),
    ...(choices.unitMap && Object.keys(choices.unitMap).length ? { unitMap: choices.unitMap } : {}),
  };
}

/**
 * The values the unit step asks about: those still unknown, and those asked before that the
 * clerk has answered since (kept with their suggestions, so an answer can be changed).
 */
function askedUnits(before: readonly UnknownUnit[], preview: ImportPreview): UnknownUnit[] {
  const answered = new Set(preview.unitMatches.filter((m) => m.how === 'chosen' || m.how === 'new').map((m) => m.value));
  const unknown = new Map(preview.unknownUnits.map((u) => [u.value, u]));
  const kept = before.filter((u) => unknown.has(u.value) || answered.has(u.value)).map((u) => unknown.get(u.value) ?? u);
  return [...kept, ...preview.unknownUnits.filter((u) => !kept.some((k) => k.value === u.value))];
}

/** What the preview recognised by itself (code, folded name, remembered), not the clerk's answers. */
const automatic = (matches: readonly UnitMatch[]) => matches.filter((m) => m.how !== 'chosen' && m.how !== 'new');

/** `#/pegawai/impor`: file → columns → check → apply, every step a call to the same preview. */
export function RosterImport() {
  const { t } = useTranslation();
  const { user } = useSession();
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const [step, setStep] = useState<Step>('file');
  const [source, setSource] = useState<Source | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [asked, setAsked] = useState<UnknownUnit[]>([]);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<Applied | null>(null);
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

  const fail = (err: unknown) => {
    setError(err);
  };

  /** Runs the preview for these choices; an answer to an older choice is dropped. */
  const runPreview = async (src: Source, next: Choices, then?: Step) => {
    const seq = ++latest.current;
    setChoices(next);
    setBusy(true);
    setError(null);
    try {
      const result = await api['roster.preview'](toInput(src, next));
      if (seq !== latest.current) return;
      setPreview(result);
      if (then) setStep(then);
    } catch (err) {
      if (seq === latest.current) fail(err);
    } finally {
      if (seq === latest.current) setBusy(false);
    }
  };

  const readFile = async (file: File | undefined) => {
    setError(null);
    if (!file) {
      setError({ code: 'VALIDATION', message: 'rosterImport.file.required', details: { issues: [{ path: [], message: 'rosterImport.file.required' }] } });
      return;
    }
    if (file.size > IMPORT_MAX_BYTES) {
      setError({ code: 'VALIDATION', message: 'rosterImport.file.tooLarge', details: { issues: [{ path: [], message: 'rosterImport.file.tooLarge' }] } });
      return;
    }
    setBusy(true);
    try {
      const src = { fileName: file.name, dataBase64: await readBase64(file) };
      setSource(src);
      setApplied(null);
      setPreview(null);
      setAsked([]);
      await runPreview(src, {}, 'mapping');
    } catch (err) {
      fail(err);
      setBusy(false);
    }
  };

  const mapping: Mapping = choices.mapping ?? preview?.mapping ?? {};
  // Apply exactly what was previewed: the mapping the preview used, spelled out.
  const applyInput = source && preview ? { ...toInput(source, choices), mapping, ...(preview.sheet ? { sheet: preview.sheet } : {}) } : null;

  const apply = async () => {
    if (!applyInput) return;
    setApplying(true);
    setError(null);
    try {
      setApplied(await api['roster.apply'](applyInput));
      units.reload();
      setStep('done');
    } catch (err) {
      fail(err);
    } finally {
      setApplying(false);
    }
  };

  const restart = () => {
    latest.current++;
    setSource(null);
    setPreview(null);
    setApplied(null);
    setChoices({});
    setAsked([]);
    setError(null);
    setBusy(false);
    setStep('file');
  };

  const counts = preview ? countRows(preview.items) : null;
  const toWrite = counts ? counts.new + counts.update : 0;
  const nextAsked = preview ? askedUnits(asked, preview) : [];

  /** From the columns: to the unit step when a unit value is unknown, else to the check. */
  const afterMapping = () => {
    setAsked(nextAsked);
    setStep(nextAsked.length > 0 ? 'units' : 'check');
  };

  const setUnitChoice = (value: string, choice: UnitChoice | null) => {
    const unitMap = { ...choices.unitMap };
    if (choice) unitMap[value] = choice;
    else delete unitMap[value];
    setChoices({ ...choices, unitMap });
  };

  return (
    <Page title={t('rosterImport.title')} intro={t('rosterImport.intro')} actions={<Link href="/pegawai" className="btn">{t('rosterImport.back')}</Link>}>
      <ol className="steps" aria-label={t('rosterImport.steps.label')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={STEPS.indexOf(step) > i ? 'step-done' : undefined}>
            <span className="step-number" aria-hidden="true">{i + 1}</span> {t(`rosterImport.steps.${s}`)}
          </li>
        ))}
      </ol>

      {step === 'file' && (
        <StepCard title={t('rosterImport.file.title')} headingRef={headingRef}>
          <FileChooser busy={busy} onFile={(f) => void readFile(f)} />
          {error ? <ErrorAlert error={error} /> : null}
        </StepCard>
      )}

      {step === 'mapping' && preview && source && (
        <StepCard title={t('rosterImport.mapping.title')} headingRef={headingRef}>
          <MappingStep
            preview={preview}
            fileName={source.fileName}
            mapping={mapping}
            busy={busy}
            onMapping={(m) => void runPreview(source, { ...choices, mapping: m })}
            onSheet={(sheet) => { setAsked([]); void runPreview(source, { sheet }); }}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={afterMapping} disabled={busy}>
              {t(nextAsked.length > 0 ? 'rosterImport.mapping.nextUnits' : 'rosterImport.mapping.next')}
            </button>
            <button type="button" className="btn" onClick={restart}>{t('rosterImport.file.choose')}</button>
          </div>
        </StepCard>
      )}

      {step === 'units' && preview && source && (
        <StepCard title={t('rosterImport.units.title')} headingRef={headingRef}>
          <UnitsStep
            asked={asked}
            matches={automatic(preview.unitMatches)}
            units={units.data ?? []}
            choices={choices.unitMap ?? {}}
            canCreate={user.role === 'admin'}
            onChoice={setUnitChoice}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void runPreview(source, { ...choices, mapping }, 'check')} disabled={busy} aria-busy={busy || undefined}>
              {t('rosterImport.units.next')}
            </button>
            <button type="button" className="btn" onClick={() => setStep('mapping')}>{t('rosterImport.units.back')}</button>
          </div>
        </StepCard>
      )}

      {step === 'check' && preview && source && applyInput && counts && (
        <StepCard title={t('rosterImport.check.title')} headingRef={headingRef}>
          <CheckStep
            preview={preview}
            input={applyInput}
            units={unitNames(units.data)}
            busy={busy}
            onChooseUnits={() => { setAsked(nextAsked); setStep('units'); }}
          />
          {error ? <ErrorAlert error={error} /> : null}
          <p className="import-plan" aria-live="polite">
            {toWrite > 0
              ? t('rosterImport.check.willWrite', { created: counts.new, updated: counts.update, errors: counts.error })
              : counts.unchanged > 0 || counts.error === 0
                ? t('rosterImport.check.nothingToDo')
                : t('rosterImport.check.onlyErrors')}
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void apply()} disabled={busy || toWrite === 0} aria-busy={applying || undefined}>
              {applying ? t('rosterImport.check.applying') : t('rosterImport.check.apply')}
            </button>
            {asked.length > 0
              ? <button type="button" className="btn" onClick={() => { setAsked(nextAsked); setStep('units'); }}>{t('rosterImport.check.backUnits')}</button>
              : <button type="button" className="btn" onClick={() => setStep('mapping')}>{t('rosterImport.check.back')}</button>}
          </div>
        </StepCard>
      )}

      {step === 'done' && applied && applyInput && (
        <StepCard title={t('rosterImport.done.title')} headingRef={headingRef}>
          <Notice>{t('rosterImport.done.summary', { created: applied.created, updated: applied.updated, unchanged: applied.unchanged })}</Notice>
          <CountFacts
            counts={{ new: applied.created, update: applied.updated, unchanged: applied.unchanged, error: new Set(applied.errors.map((e) => e.row)).size, warning: new Set(applied.warnings.map((w) => w.row)).size }}
            label={t('rosterImport.check.summaryLabel')}
          />
          {applied.createdUnits.length > 0 && <p>{t('rosterImport.done.createdUnits', { units: applied.createdUnits.join(', ') })}</p>}
          <UnitMatches matches={applied.unitMatches} />
          {applied.errors.length > 0 && (
            <div className="alert alert-warning">
              <p>{t('rosterImport.done.errors', { n: new Set(applied.errors.map((e) => e.row)).size })}</p>
              <ErrorFileButtons input={applyInput} />
            </div>
          )}
          <div className="form-actions">
            <Link href="/pegawai" className="btn btn-primary">{t('rosterImport.done.toList')}</Link>
            <button type="button" className="btn" onClick={restart}>{t('rosterImport.done.again')}</button>
          </div>
        </StepCard>
      )}
    </Page>
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
        <label htmlFor={id}>{t('rosterImport.file.label')}</label>
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept=".xlsx,.csv,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={`${id}-hint`}
          onChange={(e) => { if (e.target.files?.[0] && !busy) onFile(e.target.files[0]); }}
        />
        <p className="field-hint" id={`${id}-hint`}>{t('rosterImport.file.hint')}</p>
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
