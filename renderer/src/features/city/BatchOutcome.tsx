import { useTranslation } from 'react-i18next';
import type { BatchImportResult, EntityOutcome } from '../../../../shared/contract/city.ts';
import { DataTable } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { entityWord } from '../batches/format.ts';
import { resultMessage } from './format.ts';

const FIGURES = ['created', 'updated', 'unchanged', 'removed', 'rejected'] as const;
const SHOW_REJECTED = 10;

type Row = { entity: string } & EntityOutcome;

/**
 * Per kind of row (pegawai, daftar hadir…): created, updated, unchanged, removed, rejected, and
 * their sums. Without those figures (a file read but not compared), the rows the file holds.
 */
export function EntityTable({ result, caption }: { result: BatchImportResult; caption: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (x: number) => (x === 0 ? <span className="muted">0</span> : figure(x, lang));
  const rows: Row[] = Object.entries(result.entities)
    .map(([entity, o]) => ({ entity, ...o }))
    .filter((r) => FIGURES.some((f) => r[f] > 0));

  if (rows.length === 0) {
    const counts = Object.entries(result.counts ?? {}).filter(([, c]) => c > 0);
    if (counts.length === 0) return <p className="muted">{t('cityUi.outcome.empty')}</p>;
    return (
      <DataTable
        rows={counts}
        caption={caption}
        className="table-compact batch-entities"
        rowKey={([entity]) => entity}
        columns={[
          { key: 'entity', header: t('cityUi.outcome.entity'), rowHeader: true, cell: ([entity]) => entityWord(t, entity) },
          { key: 'rows', header: t('cityUi.outcome.rows'), num: true, cell: ([, c]) => figure(c, lang) },
        ]}
      />
    );
  }

  const total = (f: (typeof FIGURES)[number]) => rows.reduce((a, r) => a + r[f], 0);
  return (
    <DataTable
      rows={rows}
      caption={caption}
      className="table-compact batch-entities"
      rowKey={(r) => r.entity}
      columns={[
        { key: 'entity', header: t('cityUi.outcome.entity'), rowHeader: true, cell: (r) => entityWord(t, r.entity) },
        ...FIGURES.map((f) => ({ key: f, header: t(`cityUi.outcome.${f}`), num: true, cell: (r: Row) => n(r[f]) })),
      ]}
      foot={rows.length > 1 ? (
        <tr>
          <th scope="row">{t('cityUi.outcome.total')}</th>
          {FIGURES.map((f) => <td key={f} className="num">{n(total(f))}</td>)}
        </tr>
      ) : undefined}
    />
  );
}

/** The rows the city refused and why (another kecamatan owns them…), the first few by id. */
export function RejectedRows({ rejected }: { rejected: BatchImportResult['rejected'] }) {
  const { t } = useTranslation();
  if (rejected.length === 0) return null;
  return (
    <div className="batch-rejected">
      <p><strong>{t('cityUi.outcome.rejectedTitle', { count: rejected.length })}</strong></p>
      <ul>
        {rejected.slice(0, SHOW_REJECTED).map((r) => (
          <li key={`${r.entity}:${r.id}`}>
            {entityWord(t, r.entity)} <span className="mono muted">{r.id}</span>: {t(`batches.import.rejected.${r.reason}`, { defaultValue: r.reason })}
          </li>
        ))}
      </ul>
      {rejected.length > SHOW_REJECTED && <p className="muted">{t('cityUi.outcome.rejectedMore', { count: rejected.length - SHOW_REJECTED })}</p>}
    </div>
  );
}

/** Held batches this one let through: each imported in turn right after it. */
export function ReleasedBatches({ released, officeName }: { released: BatchImportResult['released']; officeName: string }) {
  const { t } = useTranslation();
  return (
    <div className="batch-released">
      <p><strong>{t('cityUi.outcome.releasedTitle', { count: released.length, office: officeName })}</strong></p>
      <ul>
        {released.map((r) => (
          <li key={r.sha256}>
            {t('cityUi.outcome.releasedItem', { seq: r.seq, status: t(`batches.import_status.${r.status}`) })}{' '}
            <span className="muted">{t('batches.import.summary', { created: r.created, updated: r.updated, unchanged: r.unchanged, removed: r.removed, rejected: r.rejected })}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One import's result in a line: status in words, the message, the figures. */
export function ResultLine({ result }: { result: BatchImportResult }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{t(`batches.import_status.${result.status}`)}</strong>: {resultMessage(t, result)}{' '}
      <span className="muted">
        {t('batches.import.summary', { created: result.created, updated: result.updated, unchanged: result.unchanged, removed: result.removed, rejected: result.rejected.length })}
      </span>
    </li>
  );
}
