import { useTranslation } from 'react-i18next';
import type { ImportInput, ImportPreview, ImportRow } from '../../../../shared/contract/roster.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { useSession } from '../../app/session.tsx';
import { currentLanguage } from '../../i18n.ts';
import { employeeFieldLabel, employeeValue, type FormatContext } from '../employees/format.ts';
import { CountFacts, countRows, ErrorFileButtons, KINDS, useIssueText, type RowKind } from './shared.tsx';
import { UnitMatches } from './UnitsStep.tsx';
import { CheckRows, IssueList } from './wizard.tsx';

const FILTERS: (RowKind | 'warning')[] = [...KINDS, 'warning'];

interface Props {
  preview: ImportPreview;
  input: ImportInput;
  units: ReadonlyMap<string, string>;
  busy: boolean;
  /** Back to the unit step, for the unit values still unknown. */
  onChooseUnits(): void;
}

const EXCEL_CODES = new Set(['nip.excel_scientific', 'nip.excel_precision']);

/** Langkah 3: what each row would do, with its Excel row number, and what is wrong with it. */
export function CheckStep({ preview, input, units, busy, onChooseUnits }: Props) {
  const { t } = useTranslation();
  const { office } = useSession();
  const counts = countRows(preview.items);
  const excelDamage = preview.errors.some((e) => EXCEL_CODES.has(e.code));
  const ctx: FormatContext = { t, lang: currentLanguage(), timeZone: office.timezone, units };

  return (
    <>
      <CountFacts counts={counts} label={t('rosterImport.check.summaryLabel')} />

      {excelDamage && (
        <div className="alert alert-warning">
          <p className="alert-title">{t('rosterImport.check.excelTitle')}</p>
          <p>{t('rosterImport.check.excelHelp')}</p>
        </div>
      )}

      {preview.unknownUnits.length > 0 && (
        <div className="alert alert-info">
          <p>{t('rosterImport.check.unknownUnits', { units: preview.unknownUnits.map((u) => `"${u.value}"`).join(', ') })}</p>
          <button type="button" className="btn btn-small" onClick={onChooseUnits}>{t('rosterImport.check.chooseUnits')}</button>
        </div>
      )}

      <UnitMatches matches={preview.unitMatches} />

      <CheckRows
        items={preview.items}
        filters={FILTERS}
        filterName={(f) => t(`rosterImport.kinds.${f}`)}
        count={(f) => counts[f]}
        matches={(r, f) => (f === 'warning' ? r.warnings.length > 0 : r.kind === f)}
        busy={busy}
        caption={t('rosterImport.check.caption')}
        className="table import-rows"
        head={<>
          <th scope="col" className="col-row">{t('rosterImport.check.row')}</th>
          <th scope="col" className="col-kind">{t('rosterImport.check.result')}</th>
          <th scope="col" className="col-nip">{t('field.nip')}</th>
          <th scope="col" className="col-name">{t('field.name')}</th>
          <th scope="col">{t('rosterImport.check.details')}</th>
        </>}
        renderRow={(r) => <PreviewRow row={r} ctx={ctx} />}
      />

      {counts.error > 0 && (
        <div className="error-file-block">
          <h3 className="subsection-title">{t('rosterImport.errorFile.label')}</h3>
          <ErrorFileButtons input={input} />
        </div>
      )}
    </>
  );
}

function PreviewRow({ row, ctx }: { row: ImportRow; ctx: FormatContext }) {
  const { t } = ctx;
  const issueText = useIssueText();
  const changeLabel = (key: string) => (key === 'removed' ? t('rosterImport.check.restoreRemoved') : employeeFieldLabel(t, key));
  return (
    <tr className={`import-row import-row-${row.kind}`}>
      <td className="num">{row.row}</td>
      <td>
        <span className={`badge badge-kind-${row.kind}`}>{t(`rosterImport.kinds.${row.kind}`)}</span>
        {row.warnings.length > 0 && <> <span className="badge badge-kind-warning">{t('rosterImport.kinds.warning')}</span></>}
      </td>
      <td className="mono nowrap">{/^\d{18}$/.test(row.nip) ? formatNip(row.nip) : row.nip || '—'}</td>
      <td>{row.name || '—'}</td>
      <td>
        <IssueList errors={row.errors} warnings={row.warnings} text={issueText}>
          {Object.entries(row.changes).map(([key, [before, after]]) => (
            <li key={key}>
              <span className="issue-field">{changeLabel(key)}:</span>{' '}
              {key === 'removed' ? null : (
                <>
                  <span className="audit-old">{employeeValue(ctx, key, before)}</span>{' '}
                  <span aria-label={t('rosterImport.check.becomes')}>→</span>{' '}
                  <span className="audit-new">{key === 'unit' ? t('rosterImport.check.unitNew', { name: String(after) }) : employeeValue(ctx, key, after)}</span>
                </>
              )}
            </li>
          ))}
        </IssueList>
      </td>
    </tr>
  );
}
