import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { DryRunImport } from '../../components/DryRunImport.tsx';
import { currentLanguage } from '../../i18n.ts';

/** What the dry run counted: the rows read and the wrong ones. */
type Checked = { rows: number; errors: { row: number; field: string; code: string; message: string }[] };

const errorRows = (checked: Checked) => new Set(checked.errors.map((e) => e.row)).size;

/**
 * Needs from a spreadsheet: first a dry run that lists every wrong row with its Excel row
 * number, then "Simpan" writes the good rows. The roster importer's reader does the reading.
 */
export function NeedsImport({ year, onClose, onDone }: { year: number; onClose(): void; onDone(created: number): void }) {
  const { t } = useTranslation();
  return (
    <DryRunImport
      title={t('programmeUi.needsImport.title', { year })}
      intro={t('programmeUi.needsImport.intro')}
      fileLabel={t('programmeUi.needsImport.file')}
      columns={t('programmeUi.needsImport.columns')}
      checkLabel={t('programmeUi.needsImport.check')}
      check={async (file): Promise<Checked> => {
        const result = await api['needs.import']({ ...file, year, dryRun: true });
        return { rows: result.rows, errors: result.errors };
      }}
      result={(checked) => <>
        <p className="cell-strong">{t('programmeUi.needsImport.summary', { rows: checked.rows, good: checked.rows - errorRows(checked), bad: errorRows(checked) })}</p>
        {checked.errors.length > 0 && (
          <div className="table-wrap table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('programmeUi.needsImport.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('rosterImport.check.row')}</th>
                  <th scope="col">{t('programmeUi.needsImport.column')}</th>
                  <th scope="col">{t('programmeUi.needsImport.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {checked.errors.map((e, i) => (
                  <tr key={`${e.row}-${e.field}-${i}`} className="import-row-error">
                    <td className="num">{e.row}</td>
                    <td>{t(`programmeUi.needsImport.fields.${e.field}`, { defaultValue: e.field })}</td>
                    <td><ImportMessage code={e.code} message={e.message} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>}
      toWrite={(checked) => checked.rows - errorRows(checked)}
      applyLabel={(n) => t('programmeUi.needsImport.apply', { count: n, n })}
      apply={(file) => api['needs.import']({ ...file, year, dryRun: false })}
      onApplied={(result) => onDone(result.created)}
      onClose={onClose}
    />
  );
}

/**
 * The backend sends each row problem already in Indonesian, with its code but without the
 * code's parameters; in English the code's text is used when it needs no parameters.
 */
function ImportMessage({ code, message }: { code: string; message: string }) {
  const { i18n } = useTranslation();
  const lang = currentLanguage();
  if (lang === 'id') return <>{message}</>;
  const text: unknown = i18n.getResource(lang, 'translation', code);
  return <>{typeof text === 'string' && !text.includes('{{') ? text : message}</>;
}
