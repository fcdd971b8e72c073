import { useId } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BatchReceiptInfo, OutboxBatch } from '../../../../shared/contract/batches.ts';
import { formatInstant, type Language } from '../../../../shared/domain/dates.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader, type Loaded } from '../../app/useLoader.ts';
import { ListCard, type ListMessage } from '../../components/list.tsx';
import { DataTable, RowButton, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { useDownload } from '../trainings/ui.tsx';
import { countsText, entityWord, seqText, totalRows } from './format.ts';

/** Refused rows shown per batch; the rest are counted. */
const SHOWN_REJECTED = 50;

/**
 * The batches made, newest first: number, date, kind, rows, state (with the upload's attempts,
 * next try and last failure; the receipt's figures), and "Simpan ke USB/folder…" for each; then,
 * for every batch the city partly refused, the rows it refused and why, and what to do.
 */
export function BatchList({ batches, fresh }: { batches: Loaded<OutboxBatch[]>; fresh: number | null }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  const file = useDownload();
  const message: ListMessage = file.error ? { error: file.error } : file.saved ? { text: t('batchesUi.list.saved', { fileName: file.saved }) } : null;
  const refused = (batches.data ?? []).filter((b) => b.state === 'ditolak' && b.receipt && b.receipt.rejected.length > 0);
  // The city's latest answer is the one to act on; older refusals stay at hand, folded.
  const latestAnswer = batches.data?.find((b) => b.receipt !== null)?.seq;

  return (
    <ListCard title={t('batchesUi.list.title')} intro={t('batchesUi.list.intro')} message={message}>
      <DataTable
        loader={batches}
        caption={t('batchesUi.list.caption')}
        className="batch-table"
        rowKey={(b) => b.seq}
        rowClassName={(b) => (b.seq === fresh ? 'batch-fresh' : undefined)}
        empty={t('batchesUi.list.empty')}
        columns={batchColumns(t, lang, office.timezone, fresh)}
        actions={(b) => (
          <RowButton label={t('batchesUi.list.saveNamed', { seq: b.seq })} onClick={() => void file.download(String(b.seq), () => api['batch.file']({ seq: b.seq }))}>
            {file.busy === String(b.seq) ? t('batchesUi.list.saving') : t('batchesUi.list.save')}
          </RowButton>
        )}
      />
      {refused.map((b) => <RefusedRows key={b.seq} batch={b} folded={b.seq !== latestAnswer} />)}
    </ListCard>
  );
}

function batchColumns(t: TFunction, lang: Language, timeZone: string, fresh: number | null): Column<OutboxBatch>[] {
  return [
    {
      key: 'seq',
      header: t('batchesUi.list.seq'),
      rowHeader: true,
      className: 'batch-seq',
      cell: (b) => <>
        <span className="mono">{seqText(b.seq)}</span>
        {b.seq === fresh && <span className="cell-sub"><span className="badge badge-pending">{t('batchesUi.list.new')}</span></span>}
      </>,
    },
    {
      key: 'date',
      header: t('batchesUi.list.date'),
      className: 'batch-date',
      cell: (b) => <>{formatInstant(b.createdAt, timeZone, lang)}<span className="cell-sub">{t(`batches.kind.${b.kind}`)}</span></>,
    },
    {
      key: 'content',
      header: t('batchesUi.list.content'),
      className: 'batch-content',
      cell: (b) => {
        const total = totalRows(b.counts);
        return <>
          <span className="cell-strong">{t('batchesUi.rows.total', { count: total, n: figure(total, lang) })}</span>
          <span className="cell-sub">{countsText(t, b.counts, lang)}</span>
        </>;
      },
    },
    {
      key: 'state',
      header: t('batchesUi.list.state'),
      className: 'batch-state',
      cell: (b) => <>
        <span className={`badge badge-batch-${b.state}`}>{t(`batches.state.${b.state}`)}</span>
        {b.receipt && b.receipt.accepted > 0 && <span className="cell-sub">{t('batchesUi.list.accepted', { count: b.receipt.accepted, n: figure(b.receipt.accepted, lang) })}</span>}
        {b.receipt && b.receipt.rejected.length > 0 && (
          <span className="cell-sub batch-refused">{t('batchesUi.list.rejected', { count: b.receipt.rejected.length, n: figure(b.receipt.rejected.length, lang) })}</span>
        )}
        {b.sendAttempts > 0 && <span className="cell-sub">{t('batchesUi.list.attempts', { count: b.sendAttempts, n: figure(b.sendAttempts, lang) })}</span>}
        {b.sentAt && <span className="cell-sub">{t('batchesUi.list.sentAt', { when: formatInstant(b.sentAt, timeZone, lang) })}</span>}
        {!b.receipt && b.nextSendAt && <span className="cell-sub">{t('batchesUi.list.nextTry', { when: formatInstant(b.nextSendAt, timeZone, lang) })}</span>}
        {!b.receipt && b.lastSendError && <span className="cell-sub batch-error">{t('batchesUi.list.lastError', { error: b.lastSendError })}</span>}
      </>,
    },
  ];
}

type Rejected = BatchReceiptInfo['rejected'][number];

/**
 * The rows of one ditolak batch: kind of data, the record (a person or an event by name, linked),
 * why, and what to do. `folded`: a later answer came since, so it opens on request.
 */
function RefusedRows({ batch, folded }: { batch: OutboxBatch; folded: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const title = t('batchesUi.rejected.title', { seq: batch.seq });
  if (folded) {
    return (
      <details className="batch-refused-rows subsection-title">
        <summary>{title}</summary>
        <RefusedTable batch={batch} />
      </details>
    );
  }
  return (
    <section className="batch-refused-rows" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="subsection-title">{title}</h3>
      <RefusedTable batch={batch} />
    </section>
  );
}

function RefusedTable({ batch }: { batch: OutboxBatch }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const receipt = batch.receipt!;
  const rows = receipt.rejected.slice(0, SHOWN_REJECTED);
  const names = useRecordNames(rows);
  return (
    <>
      <p>{t('batchesUi.rejected.summary', { city: receipt.city.name, accepted: figure(receipt.accepted, lang), rejected: figure(receipt.rejected.length, lang) })}</p>
      <DataTable
        rows={rows}
        caption={t('batchesUi.rejected.caption', { seq: batch.seq })}
        className="table-compact"
        rowKey={(r) => `${r.entity}:${r.id}`}
        columns={[
          { key: 'entity', header: t('batchesUi.rejected.entity'), cell: (r) => entityWord(t, r.entity) },
          {
            key: 'row',
            header: t('batchesUi.rejected.row'),
            rowHeader: true,
            cell: (r) => {
              const named = names.data?.get(`${r.entity}:${r.id}`);
              return named
                ? <><Link href={named.href}>{named.name}</Link>{named.sub && <span className="cell-sub mono">{named.sub}</span>}</>
                : <span className="mono batch-row-id">{r.id}</span>;
            },
          },
          { key: 'reason', header: t('batchesUi.rejected.reason'), cell: (r) => t(`batches.import.rejected.${r.reason}`, { defaultValue: r.reason }) },
        ]}
      />
      {receipt.rejected.length > rows.length && <p className="muted">{t('batchesUi.rejected.more', { n: figure(receipt.rejected.length - rows.length, lang) })}</p>}
      <p className="alert alert-warning">{t('batchesUi.rejected.whatToDo')}</p>
    </>
  );
}

/** People and events refused by the city, by name, so the clerk can open and fix them; others keep their id. */
function useRecordNames(rows: Rejected[]) {
  const key = rows.map((r) => `${r.entity}:${r.id}`).join(',');
  return useLoader(async () => {
    const names = new Map<string, { name: string; sub?: string; href: string }>();
    await Promise.all(rows.map(async (r) => {
      try {
        if (r.entity === 'employees') {
          const { employee } = await api['employees.get']({ id: r.id });
          names.set(`${r.entity}:${r.id}`, { name: employee.displayName, sub: formatNip(employee.nip), href: `/pegawai/${r.id}` });
        } else if (r.entity === 'events') {
          const event = await api['events.get']({ id: r.id });
          names.set(`${r.entity}:${r.id}`, { name: event.name, href: `/kegiatan/${r.id}` });
        }
      } catch {
        // Removed since, or not this office's: the id is all there is to show.
      }
    }));
    return names;
  }, [key]);
}
