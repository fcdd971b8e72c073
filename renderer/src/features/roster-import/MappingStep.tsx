import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RosterField } from '../../../../shared/contract/roster.ts';
import { ROSTER_FIELDS } from '../../../../shared/domain/roster-columns.ts';
import { employeeFieldLabel } from '../employees/format.ts';
import { columnLetter, CountFacts, countRows } from './shared.tsx';

export type Mapping = Record<string, RosterField | null>;

interface Props {
  preview: ImportPreview;
  fileName: string;
  mapping: Mapping;
  busy: boolean;
  onMapping(mapping: Mapping): void;
  onSheet(sheet: string): void;
}

/** Langkah 2: one select per column of the file, prefilled from the preview's mapping. */
export function MappingStep({ preview, fileName, mapping, busy, onMapping, onSheet }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const fieldName = (f: RosterField) => employeeFieldLabel(t, f);

  const columnsOf = new Map<RosterField, number[]>();
  preview.headers.forEach((_, i) => {
    const f = mapping[String(i)];
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]);
  });
  const duplicates = [...columnsOf.entries()].filter(([, cols]) => cols.length > 1);

  return (
    <>
      <p className="form-note">{t('rosterImport.mapping.intro')}</p>
      <p className="import-source">
        <span>{t('rosterImport.file.current', { fileName })} ({preview.format.toUpperCase()})</span>
        <span className="import-source-sep" aria-hidden="true"> · </span>
        <strong>{t('rosterImport.mapping.headerRow', { n: preview.headerRowNumber })}</strong>
      </p>
      {preview.format === 'xlsx' && preview.sheets.length > 0 && (
        <div className="field field-inline">
          <label htmlFor={`${id}-sheet`}>{t('rosterImport.mapping.sheet')}</label>
          <select id={`${id}-sheet`} value={preview.sheet ?? preview.sheets[0]} onChange={(e) => onSheet(e.target.value)}>
            {preview.sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      )}
      <ul className="mapping-list">
        {preview.headers.map((header, i) => {
          const value = mapping[String(i)] ?? '';
          return (
            <li key={i} className={`mapping-item${value ? '' : ' mapping-ignored'}`}>
              <label htmlFor={`${id}-col-${i}`} className="mapping-header">
                {header.trim() || <span className="muted">{t('rosterImport.mapping.untitled')}</span>}
              </label>
              <span className="mapping-letter" id={`${id}-letter-${i}`}>{t('rosterImport.mapping.letter', { letter: columnLetter(i) })}</span>
              <select
                id={`${id}-col-${i}`}
                aria-describedby={`${id}-letter-${i}`}
                value={value}
                onChange={(e) => onMapping({ ...mapping, [String(i)]: (e.target.value || null) as RosterField | null })}
              >
                <option value="">{t('rosterImport.mapping.ignore')}</option>
                {ROSTER_FIELDS.map((f) => <option key={f} value={f}>{fieldName(f)}</option>)}
              </select>
            </li>
          );
        })}
      </ul>
      <p className="form-note">{t('rosterImport.mapping.nameHint')}</p>
      <div aria-live="polite">
        {!columnsOf.has('nip') && <p className="alert alert-error">{t('rosterImport.mapping.nipMissing')}</p>}
        {!columnsOf.has('name') && <p className="alert alert-warning">{t('rosterImport.mapping.nameMissing')}</p>}
        {duplicates.map(([field, cols]) => (
          <p key={field} className="alert alert-warning">
            {t('rosterImport.mapping.duplicate', { field: fieldName(field), columns: cols.map(columnLetter).join(', ') })}
          </p>
        ))}
      </div>
      <div className="mapping-summary" aria-busy={busy || undefined}>
        <CountFacts counts={countRows(preview.items)} label={t('rosterImport.check.summaryLabel')} />
        {busy && <p className="loading" role="status">{t('rosterImport.mapping.updating')}</p>}
      </div>
    </>
  );
}
