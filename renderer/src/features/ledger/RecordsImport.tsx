import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { IMPORT_MAX_BYTES, IMPORT_MAX_MB, type ImportIssue } from '../../../../shared/contract/roster.ts';
import { RECORD_IMPORT_FIELDS, type RecordImportField, type RecordImportInput, type RecordImportPreview } from '../../../../shared/contract/records.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { fieldLabel } from '../../../../shared/i18n/index.ts';
import { api } from '../../api.ts';
import { ErrorAlert, Notice } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { issueMessage, labelled } from '../employees/format.ts';
import { ColumnMapping, ImportSource, mappedTwice, type ColumnMap } from '../roster-import/ColumnMapping.tsx';
import { columnLetter } from '../roster-import/shared.tsx';
import { CheckRows, FileChooser, IssueList, StepCard, StepList, useImportWizard, type ImportFile, type ImportStep } from '../roster-import/wizard.tsx';
import { competencyOptions, dateRange, figure, methodOptions } from '../trainings/format.ts';

const STEPS = ['file', 'mapping', 'check', 'done'] as const satisfies readonly ImportStep[];
type Kind = RecordImportPreview['items'][number]['kind'];
const KINDS: Kind[] = ['new', 'duplicate', 'error'];
const NEEDED: RecordImportField[] = ['nip', 'title', 'startDate'];

type Mapping = ColumnMap<RecordImportField>;
/** What the clerk chose; `mapping` stays unset until a column is changed (the backend then matches headers). */
interface Choices { sheet?: string; mapping?: Mapping; defaultMethodId?: number; defaultCompetencyType?: RecordImportInput['defaultCompetencyType']; defaultOrganiser?: string }

function toInput(source: ImportFile, c: Choices): RecordImportInput {
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
  const wizard = useImportWizard({
    toInput,
    preview: (input: RecordImportInput) => api['records.preview'](input),
    apply: (input: RecordImportInput) => api['records.apply'](input),
    // A platform's export is all one method: it stays for the next file.
    kept: (c: Choices): Choices => (c.defaultMethodId ? { defaultMethodId: c.defaultMethodId } : {}),
    maxBytes: IMPORT_MAX_BYTES,
    tooLarge: { message: 'import.too_large', params: { maxMb: IMPORT_MAX_MB } },
  });
  const { step, setStep, source, choices, preview, busy, error, applying, applied, headingRef, mapping, runPreview, apply, restart } = wizard;
  const counts = preview ? countKinds(preview.items) : null;

  return (
    <div className="stack">
      <p className="form-note">{t('ledgerUi.import.intro')}</p>
      <StepList steps={STEPS} step={step} name={(s) => t(`ledgerUi.import.steps.${s}`)} />

      {step === 'file' && (
        <StepCard title={t('ledgerUi.import.fileTitle')} headingRef={headingRef}>
          <FileChooser busy={busy} label={t('ledgerUi.import.file', { maxMb: IMPORT_MAX_MB })} hint={t('ledgerUi.import.fileHint')} onFile={(f) => void wizard.readFile(f)} />
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
          <RecordRows preview={preview} counts={counts} busy={busy} />
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

/** Every row of the file with its Excel row number, what it would do, and what is wrong with it. */
function RecordRows({ preview, counts, busy }: { preview: RecordImportPreview; counts: Record<Kind | 'warning', number>; busy: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const issue = (i: ImportIssue) => {
    const label = (RECORD_IMPORT_FIELDS as readonly string[]).includes(i.field) ? t(`ledgerUi.import.fields.${i.field}`) : (fieldLabel(t, [i.field]) ?? i.field);
    return labelled(label, issueMessage(t, lang, i));
  };

  return (
    <>
      <KindCounts counts={counts} />
      <CheckRows
        items={preview.items}
        filters={KINDS}
        filterName={(f) => t(`ledgerUi.import.kinds.${f}`)}
        count={(f) => counts[f]}
        matches={(r, f) => r.kind === f}
        busy={busy}
        caption={t('ledgerUi.import.caption')}
        className="table table-compact import-rows"
        head={<>
          <th scope="col" className="col-row">{t('rosterImport.check.row')}</th>
          <th scope="col" className="col-kind">{t('rosterImport.check.result')}</th>
          <th scope="col">{t('ledgerUi.import.person')}</th>
          <th scope="col">{t('ledgerUi.import.training')}</th>
          <th scope="col" className="num">{t('ledgerUi.records.jpShort')}</th>
          <th scope="col">{t('rosterImport.check.details')}</th>
        </>}
        renderRow={(r) => (
          <tr className={`import-row import-row-${r.kind}`}>
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
            <td><IssueList errors={r.errors} warnings={r.warnings} text={issue} /></td>
          </tr>
        )}
      />
    </>
  );
}
