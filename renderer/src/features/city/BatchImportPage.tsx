import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { BatchImportResult, CityKecamatan } from '../../../../shared/contract/city.ts';
import { ApiError } from '../../../../shared/contract/errors.ts';
import { UPLOAD_MAX_BYTES } from '../../../../shared/domain/batch-upload.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { FileDrop } from '../../components/FileDrop.tsx';
import { readBase64 } from '../../components/files.ts';
import { Page } from '../../components/Page.tsx';
import { currentLanguage } from '../../i18n.ts';
import { Fingerprint } from '../certificates/TrustSettings.tsx';
import { figure } from '../trainings/format.ts';
import { EntityTable, RejectedRows, ReleasedBatches } from './BatchOutcome.tsx';
import { areaPath, resultMessage, seqList, shortOfficeName } from './format.ts';
import { awaitsKey, displayOrder, duplicateOf, importable, importOrder, stillMissing, type DroppedBatch } from './importPlan.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'importing'; done: number; total: number; fileName: string }
  | { kind: 'imported'; results: BatchImportResult[] };

let nextKey = 0;

/**
 * Impor kiriman: many .bkbatch files at once (dropped, or chosen). Each is checked by a dry run
 * first and shown with what it would do; "Impor" then sends them one call per file, per office
 * in batch-number order, and shows what happened. A batch after a gap is held unless the person
 * explicitly imports it without waiting.
 */
export function BatchImportPage() {
  const { t } = useTranslation();
  const offices = useLoader(() => api['offices.list']({}), []);
  const [items, setItemsState] = useState<DroppedBatch[]>([]);
  const itemsRef = useRef<DroppedBatch[]>([]);
  const [outOfOrder, setOutOfOrder] = useState<ReadonlySet<string>>(new Set());
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const checking = useRef(false);

  // The list lives in a ref as well: the checking loop reads what was dropped after it started.
  const setItems = useCallback((change: (items: DroppedBatch[]) => DroppedBatch[]) => {
    itemsRef.current = change(itemsRef.current);
    setItemsState(itemsRef.current);
  }, []);
  const update = useCallback((key: string, patch: Partial<DroppedBatch>) => {
    setItems((list) => list.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  }, [setItems]);

  const checkQueue = useCallback(async () => {
    if (checking.current) return;
    checking.current = true;
    try {
      for (;;) {
        const item = itemsRef.current.find((x) => x.dry === null && x.error === null);
        if (!item) break;
        try {
          // The largest batch file the city takes, dropped here or uploaded.
          if (item.file.size > UPLOAD_MAX_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE', 'too large', { maxMb: UPLOAD_MAX_BYTES / 1024 / 1024 });
          const input = { fileName: item.file.name, dataBase64: await readBase64(item.file), dryRun: true };
          const dry = await api['batch.import'](input);
          // A batch after a gap says nothing of its rows; asked once more as if imported anyway, it does.
          const preview = dry.status === 'gap' ? await api['batch.import']({ ...input, acceptOutOfOrder: true }) : null;
          update(item.key, { dry, preview });
        } catch (error) {
          update(item.key, { error });
        }
      }
    } finally {
      checking.current = false;
    }
  }, [update]);

  const addFiles = (files: File[]) => {
    if (phase.kind === 'importing') return;
    const fresh = files.filter((f) => !itemsRef.current.some((x) => x.result === null && x.file.name === f.name && x.file.size === f.size && x.file.lastModified === f.lastModified));
    if (fresh.length === 0) return;
    setItems((list) => [...list, ...fresh.map((file) => ({ key: `f${++nextKey}`, file, dry: null, preview: null, result: null, error: null }))]);
    void checkQueue();
  };

  const runImport = async () => {
    const order = importOrder(itemsRef.current);
    const results: BatchImportResult[] = [];
    for (const [i, item] of order.entries()) {
      setPhase({ kind: 'importing', done: i, total: order.length, fileName: item.file.name });
      try {
        const result = await api['batch.import']({
          fileName: item.file.name, dataBase64: await readBase64(item.file), dryRun: false, acceptOutOfOrder: outOfOrder.has(item.key),
        });
        results.push(result);
        update(item.key, { result, error: null });
      } catch (error) {
        update(item.key, { error });
      }
    }
    setPhase({ kind: 'imported', results });
    offices.reload();
  };

  const clear = () => {
    setItems(() => []);
    setOutOfOrder(new Set());
    setPhase({ kind: 'idle' });
  };

  const names = useMemo(() => new Map((offices.data ?? []).map((o: CityKecamatan) => [o.regionCode, shortOfficeName(o.name)])), [offices.data]);
  const toImport = importOrder(items);
  const pending = items.filter((x) => x.dry === null && x.error === null).length;
  const busy = phase.kind === 'importing';

  return (
    <Page title={t('areas.batchImport.title')} intro={t('cityUi.import.intro')}>
      <DropZone onFiles={addFiles} disabled={busy} />
      {items.length > 0 && (
        <div className="batch-plan card" aria-live="polite">
          {pending > 0 && <p className="loading" role="status">{t('cityUi.import.checking', { count: pending })}</p>}
          {busy && <ImportProgress done={phase.done} total={phase.total} fileName={phase.fileName} />}
          {phase.kind === 'imported' && <ImportedSummary results={phase.results} />}
          {!busy && pending === 0 && (
            <p className="batch-plan-line">
              {toImport.length > 0
                ? t('cityUi.import.ready', { count: toImport.length, files: items.length })
                : t(phase.kind === 'imported' ? 'cityUi.import.nothingLeft' : 'cityUi.import.nothingToImport')}
            </p>
          )}
          <div className="form-actions">
            {toImport.length > 0 && (
              <button type="button" className="btn btn-primary" disabled={pending > 0} aria-busy={busy || undefined} onClick={() => void runImport()}>
                {busy ? t('cityUi.import.importing') : t('cityUi.import.submit', { count: toImport.length })}
              </button>
            )}
            <button type="button" className="btn" onClick={clear} disabled={busy || pending > 0}>{t('cityUi.import.clear')}</button>
          </div>
        </div>
      )}
      <div className="stack batch-list">
        {displayOrder(items).map((item) => (
          <BatchCard
            key={item.key}
            item={item}
            items={items}
            names={names}
            outOfOrder={outOfOrder.has(item.key)}
            onOutOfOrder={(on) => setOutOfOrder((s) => {
              const next = new Set(s);
              if (on) next.add(item.key);
              else next.delete(item.key);
              return next;
            })}
            onRemove={busy || item.result ? undefined : () => {
              setItems((list) => list.filter((x) => x.key !== item.key));
            }}
          />
        ))}
      </div>
    </Page>
  );
}

/** The drop target, with a button for those who would rather choose the files. */
function DropZone({ onFiles, disabled }: { onFiles(files: File[]): void; disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <FileDrop className="drop-zone" accept=".bkbatch" multiple inputLabel={t('cityUi.import.fileLabel')} button={t('cityUi.import.choose')} disabled={disabled} onFiles={onFiles}>
      <p className="drop-zone-title">{t('cityUi.import.dropTitle')}</p>
      <p className="muted">{t('cityUi.import.dropHint')}</p>
    </FileDrop>
  );
}

function ImportProgress({ done, total, fileName }: { done: number; total: number; fileName: string }) {
  const { t } = useTranslation();
  return (
    <div className="batch-progress" role="status">
      <p>{t('cityUi.import.progress', { n: done + 1, total, fileName })}</p>
      <progress max={total} value={done} aria-label={t('cityUi.import.progressLabel')} />
    </div>
  );
}

/** What the import did, in one sentence per outcome. */
function ImportedSummary({ results }: { results: BatchImportResult[] }) {
  const { t } = useTranslation();
  const count = (test: (r: BatchImportResult) => boolean) => results.filter(test).length;
  const released = results.reduce((n, r) => n + r.released.filter((x) => x.status === 'imported' || x.status === 'out_of_order').length, 0);
  const lines = [
    { key: 'imported', n: count((r) => r.status === 'imported' || r.status === 'out_of_order') + released },
    { key: 'held', n: count((r) => r.status === 'gap') },
    { key: 'waitingKey', n: count(awaitsKey) },
    { key: 'unchanged', n: count((r) => r.status === 'already_imported') },
    { key: 'refused', n: count((r) => !importable(r) && r.status !== 'already_imported') },
  ].filter((l) => l.n > 0);
  return (
    <div className="notice batch-summary" role="status">
      <p><strong>{t('cityUi.import.doneTitle')}</strong></p>
      <ul>
        {lines.map((l) => <li key={l.key}>{t(`cityUi.import.done.${l.key}`, { count: l.n })}</li>)}
      </ul>
    </div>
  );
}

/** One dropped file: whose batch it is, what the dry run (or the import) says, and its rows per kind. */
function BatchCard({ item, items, names, outOfOrder, onOutOfOrder, onRemove }: {
  item: DroppedBatch;
  items: DroppedBatch[];
  names: Map<string, string>;
  outOfOrder: boolean;
  onOutOfOrder(on: boolean): void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const lang = currentLanguage();
  const { dry, result } = item;
  const shown = result ?? dry;
  const office = shown?.office ?? null;
  const code = office?.code ?? (typeof shown?.params.office === 'string' && /^\d{2}\.\d{2}\.\d{2}$/.test(shown.params.office) ? shown.params.office : null);
  const officeName = office ? (names.get(office.code) ?? shortOfficeName(office.name)) : code ? (names.get(code) ?? code) : null;
  const duplicate = duplicateOf(item, items);
  const waiting = !result ? stillMissing(item, items) : [];
  const title = officeName && shown?.seq ? t('cityUi.import.cardTitle', { office: officeName, seq: shown.seq }) : officeName ?? item.file.name;

  let badge: { text: string; tone: string } | null = null;
  if (result) badge = { text: t(`batches.import_status.${result.status}`), tone: tone(result) };
  else if (duplicate) badge = { text: t('cityUi.import.duplicateBadge'), tone: 'badge-off' };
  else if (dry) badge = dryBadge(t, dry, waiting, outOfOrder);

  // The table: the import's figures; before it, the dry run's (a held batch's from its preview).
  const figures = result ?? (dry?.status === 'gap' ? item.preview : dry);
  const showTable = figures !== null && importable(figures) && !awaitsKey(figures);

  return (
    <section className="card batch-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="cell-sub mono batch-file-name">
            {title === item.file.name ? '' : `${item.file.name} · `}
            {t('cityUi.import.size', { size: figure(Math.max(0.1, Math.round(item.file.size / 102.4) / 10), lang) })}
          </p>
        </div>
        <div className="row-actions">
          {badge && <span className={`badge ${badge.tone}`}>{badge.text}</span>}
          {onRemove && (
            <button type="button" className="btn btn-small btn-quiet" onClick={onRemove} aria-label={t('cityUi.import.removeNamed', { fileName: item.file.name })}>
              {t('cityUi.import.remove')}
            </button>
          )}
        </div>
      </div>
      {!shown && !item.error && <p className="loading" role="status">{t('cityUi.import.checkingFile')}</p>}
      {item.error ? <ErrorAlert error={item.error} /> : null}
      {duplicate && !result && <p className="form-note">{t('cityUi.import.duplicate', { fileName: duplicate.file.name })}</p>}
      {shown && !duplicate && (
        <Explanation
          result={shown}
          dryRun={!result}
          officeName={officeName}
          waiting={waiting}
          outOfOrder={outOfOrder}
          onOutOfOrder={onOutOfOrder}
        />
      )}
      {showTable && !duplicate && figures && (
        <EntityTable
          result={figures}
          caption={t(result ? 'cityUi.import.tableCaption' : 'cityUi.import.dryTableCaption', { title })}
        />
      )}
      {figures && !duplicate && <RejectedRows rejected={figures.rejected} />}
      {result && result.released.length > 0 && <ReleasedBatches released={result.released} officeName={officeName ?? ''} />}
    </section>
  );
}

function tone(r: BatchImportResult): string {
  if (r.status === 'imported' || r.status === 'out_of_order') return 'badge-ok';
  if (r.status === 'already_imported') return 'badge-off';
  if (r.status === 'gap' || awaitsKey(r)) return 'badge-warn';
  return 'badge-kind-error';
}

function dryBadge(t: ReturnType<typeof useTranslation>['t'], dry: BatchImportResult, waiting: number[], outOfOrder: boolean): { text: string; tone: string } {
  if (dry.status === 'imported') return { text: t('cityUi.import.readyBadge'), tone: 'badge-ok' };
  if (dry.status === 'gap' && (waiting.length === 0 || outOfOrder)) {
    return { text: t(waiting.length === 0 ? 'cityUi.import.readyBadge' : 'batches.import_status.out_of_order'), tone: 'badge-ok' };
  }
  return { text: t(`batches.import_status.${dry.status}`), tone: tone(dry) };
}

/**
 * Why the batch stands where it does, in words: the backend's message, and for a batch after a gap
 * what will happen to it (and the choice to import it without waiting); for a key not trusted yet,
 * its fingerprint and where to confirm it.
 */
function Explanation({ result, dryRun, officeName, waiting, outOfOrder, onOutOfOrder }: {
  result: BatchImportResult;
  dryRun: boolean;
  officeName: string | null;
  waiting: number[];
  outOfOrder: boolean;
  onOutOfOrder(on: boolean): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const office = officeName ?? '';
  const seq = result.seq ?? 0;

  if (dryRun && result.status === 'gap') {
    const missing = String(result.params.missing ?? '');
    if (waiting.length === 0) return <p>{t('cityUi.import.gapInList', { missing, seq })}</p>;
    const missingNow = seqList(waiting);
    return (
      <>
        <p className="alert alert-warning">{t('cityUi.import.gapMissing', { missing: missingNow, office, seq })}</p>
        <label className="choice batch-out-of-order" htmlFor={`${id}-ooo`}>
          <input id={`${id}-ooo`} type="checkbox" checked={outOfOrder} onChange={(e) => onOutOfOrder(e.target.checked)} aria-describedby={`${id}-ooo-note`} />
          {t('cityUi.import.outOfOrder', { missing: missingNow })}
        </label>
        <p className="form-note" id={`${id}-ooo-note`}>{t('cityUi.import.outOfOrderNote', { missing: missingNow, seq })}</p>
      </>
    );
  }

  if (awaitsKey(result)) {
    // A batch that carries its key shows the whole fingerprint; an older one only its start (the kid).
    const whole = result.message.startsWith('batches.import.confirm_key');
    return (
      <div className="alert alert-warning batch-unknown-key">
        <p>{t('cityUi.import.unknownKeyTitle', { office: office || String(result.params.office ?? '') })}</p>
        {result.fingerprint && (
          <>
            <p>{t(whole ? 'cityUi.import.fingerprintWhole' : 'cityUi.import.fingerprintStart')}</p>
            <Fingerprint value={result.fingerprint} />
          </>
        )}
        <p>
          {t(dryRun ? 'cityUi.import.unknownKeyDry' : 'cityUi.import.unknownKey')}{' '}
          <Link href={areaPath('kecamatan')}>{t('cityUi.import.toKecamatan')}</Link>
        </p>
      </div>
    );
  }

  const message = resultMessage(t, result);
  if (result.status === 'tampered' || result.status === 'malformed' || result.status === 'unknown_office') {
    return <p className="alert alert-error">{message} {t('cityUi.import.nothingChanged')}</p>;
  }
  if (result.status === 'gap') return <p className="alert alert-warning">{message}</p>;
  return <p>{message}</p>;
}
