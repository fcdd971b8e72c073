import { useTranslation } from 'react-i18next';
import type { ImportPreview, RosterField } from '../../../../shared/contract/roster.ts';
import { ROSTER_FIELDS } from '../../../../shared/domain/roster-columns.ts';
import { employeeFieldLabel } from '../employees/format.ts';
import { ColumnMapping, ImportSource, mappedTwice, type ColumnMap } from './ColumnMapping.tsx';
import { columnLetter, CountFacts, countRows } from './shared.tsx';

export type Mapping = ColumnMap<RosterField>;

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
  const fieldName = (f: RosterField) => employeeFieldLabel(t, f);
  const { columnsOf, duplicates } = mappedTwice(preview.headers, mapping);

  return (
    <>
      <p className="form-note">{t('rosterImport.mapping.intro')}</p>
      <ImportSource
        fileName={fileName}
        format={preview.format}
        headerRowNumber={preview.headerRowNumber}
        sheets={preview.sheets}
        sheet={preview.sheet}
        onSheet={onSheet}
      />
      <ColumnMapping headers={preview.headers} mapping={mapping} fields={ROSTER_FIELDS} fieldName={fieldName} onMapping={onMapping} />
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
