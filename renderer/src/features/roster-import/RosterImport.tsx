import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { IMPORT_MAX_BYTES, type ImportInput, type ImportPreview, type ImportSummary, type UnitChoice, type UnitMatch, type UnknownUnit } from '../../../../shared/contract/roster.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { Page } from '../../components/Page.tsx';
import { unitNames } from '../employees/format.ts';
import { CheckStep } from './CheckStep.tsx';
import { MappingStep, type Mapping } from './MappingStep.tsx';
import { CountFacts, countRows, ErrorFileButtons } from './shared.tsx';
import { UnitMatches, UnitsStep } from './UnitsStep.tsx';
import { FileChooser, StepCard, StepList, useImportWizard, type ImportFile, type ImportStep } from './wizard.tsx';

const STEPS: ImportStep[] = ['file', 'mapping', 'units', 'check', 'done'];

/**
 * What the clerk chose; `mapping` stays unset until they change a column (the backend then uses
 * the remembered or automatic one); `unitMap` holds the unit step's answers.
 */
interface Choices { sheet?: string; mapping?: Mapping; unitMap?: Record<string, UnitChoice> }
type Applied = ImportSummary & { createdUnits: string[]; unitMatches: UnitMatch[] };

function toInput(source: ImportFile, choices: Choices): ImportInput {
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
  const [asked, setAsked] = useState<UnknownUnit[]>([]);
  const wizard = useImportWizard({
    toInput,
    preview: (input: ImportInput) => api['roster.preview'](input),
    apply: (input: ImportInput): Promise<Applied> => api['roster.apply'](input),
    kept: (): Choices => ({}),
    maxBytes: IMPORT_MAX_BYTES,
    tooLarge: { message: 'rosterImport.file.tooLarge' },
    onReset: () => setAsked([]),
    onApplied: () => units.reload(),
  });
  const { step, setStep, source, choices, setChoices, preview, busy, error, applying, applied, headingRef, mapping, applyInput, runPreview, apply, restart } = wizard;

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
      <StepList steps={STEPS} step={step} name={(s) => t(`rosterImport.steps.${s}`)} />

      {step === 'file' && (
        <StepCard title={t('rosterImport.file.title')} headingRef={headingRef}>
          <FileChooser busy={busy} label={t('rosterImport.file.label')} hint={t('rosterImport.file.hint')} onFile={(f) => void wizard.readFile(f)} />
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
