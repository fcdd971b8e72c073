import { useTranslation } from 'react-i18next';
import type { EventScores } from '../../../../shared/contract/evaluation.ts';
import { api } from '../../api.ts';
import { DryRunImport } from '../../components/DryRunImport.tsx';
import { DataTable } from '../../components/table.tsx';

/**
 * Scores from a sheet (NIP, pre-test, post-test): a dry run first shows what would change and
 * every wrong row by its number in the sheet; "Simpan" then writes them.
 */
export function ScoresImport({ eventId, onClose, onDone }: {
  eventId: string;
  onClose(): void;
  onDone(result: { updated: number; unchanged: number }, scores: EventScores): void;
}) {
  const { t } = useTranslation();
  return (
    <DryRunImport
      title={t('evaluationUi.scoresImport.title')}
      intro={t('evaluationUi.scoresImport.intro')}
      fileLabel={t('evaluationUi.scoresImport.file')}
      columns={t('evaluationUi.scoresImport.columns')}
      checkLabel={t('evaluationUi.scoresImport.check')}
      check={(file) => api['scores.import']({ eventId, ...file, dryRun: true })}
      result={(checked) => <>
        <p className="cell-strong">{t('evaluationUi.scoresImport.summary', { rows: checked.rows, updated: checked.updated, unchanged: checked.unchanged, bad: checked.errors.length })}</p>
        {checked.errors.length > 0 && (
          <DataTable
            rows={checked.errors}
            caption={t('evaluationUi.scoresImport.errorsCaption')}
            wrapClassName="table-scroll"
            rowKey={(e) => `${e.row}-${e.field}-${e.code}`}
            rowClassName={() => 'import-row-error'}
            columns={[
              { key: 'row', header: t('rosterImport.check.row'), num: true, cell: (e) => e.row },
              { key: 'field', header: t('evaluationUi.scoresImport.column'), cell: (e) => t(`evaluationUi.scoresImport.fields.${e.field}`, { defaultValue: e.field }) },
              { key: 'problem', header: t('evaluationUi.scoresImport.problem'), cell: (e) => t(e.code, { ...e.params, defaultValue: e.message }) },
            ]}
          />
        )}
      </>}
      toWrite={(checked) => checked.updated}
      applyLabel={(n) => t('evaluationUi.scoresImport.apply', { count: n, n })}
      apply={async (file) => ({
        result: await api['scores.import']({ eventId, ...file, dryRun: false }),
        scores: await api['scores.list']({ eventId }),
      })}
      onApplied={({ result, scores }) => onDone({ updated: result.updated, unchanged: result.unchanged }, scores)}
      onClose={onClose}
    />
  );
}
