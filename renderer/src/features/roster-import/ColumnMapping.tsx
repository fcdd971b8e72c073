import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { columnLetter } from './shared.tsx';

// The parts of a file import's column step that do not depend on what is imported: the file's
// name and header row, the sheet choice, and one select per column. The roster import and the
// training-records import use them with their own list of fields.

/** Column index (as a string) → field, or null for a column left out. */
export type ColumnMap<F extends string> = Record<string, F | null>;

/** "Berkas: pegawai.xlsx (XLSX) · Judul kolom di baris 3", and the sheet select of a workbook. */
export function ImportSource({ fileName, format, headerRowNumber, sheets, sheet, onSheet }: {
  fileName: string;
  format: 'csv' | 'xlsx';
  headerRowNumber: number;
  sheets: string[];
  sheet: string | null;
  onSheet(sheet: string): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <p className="import-source">
        <span>{t('rosterImport.file.current', { fileName })} ({format.toUpperCase()})</span>
        <span className="import-source-sep" aria-hidden="true"> · </span>
        <strong>{t('rosterImport.mapping.headerRow', { n: headerRowNumber })}</strong>
      </p>
      {format === 'xlsx' && sheets.length > 0 && (
        <div className="field field-inline">
          <label htmlFor={`${id}-sheet`}>{t('rosterImport.mapping.sheet')}</label>
          <select id={`${id}-sheet`} value={sheet ?? sheets[0]} onChange={(e) => onSheet(e.target.value)}>
            {sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
      )}
    </>
  );
}

/** Every column of the file with its header, its letter, and a select of the fields it may fill. */
export function ColumnMapping<F extends string>({ headers, mapping, fields, fieldName, onMapping }: {
  headers: string[];
  mapping: ColumnMap<F>;
  fields: readonly F[];
  fieldName(field: F): string;
  onMapping(mapping: ColumnMap<F>): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <ul className="mapping-list">
      {headers.map((header, i) => {
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
              onChange={(e) => onMapping({ ...mapping, [String(i)]: (e.target.value || null) as F | null })}
            >
              <option value="">{t('rosterImport.mapping.ignore')}</option>
              {fields.map((f) => <option key={f} value={f}>{fieldName(f)}</option>)}
            </select>
          </li>
        );
      })}
    </ul>
  );
}

/** The fields several columns were mapped to, with those columns: each should come from one. */
export function mappedTwice<F extends string>(headers: string[], mapping: ColumnMap<F>): { columnsOf: Map<F, number[]>; duplicates: [F, number[]][] } {
  const columnsOf = new Map<F, number[]>();
  headers.forEach((_, i) => {
    const f = mapping[String(i)];
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]);
  });
  return { columnsOf, duplicates: [...columnsOf.entries()].filter(([, cols]) => cols.length > 1) };
}
