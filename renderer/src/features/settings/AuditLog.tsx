import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState } from '../../components/feedback.tsx';
import { AuditTable } from './AuditTable.tsx';

const PAGE = 50;

/** Log audit: newest first, in the office's time zone; "muat lagi" pages back with `nextBefore`. */
export function AuditLog() {
  const { t } = useTranslation();
  const { office } = useSession();
  const first = useLoader(() => api['audit.list']({ limit: PAGE }), []);
  const [more, setMore] = useState<{ entries: AuditEntry[]; nextBefore: number | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const entries = [...(first.data?.entries ?? []), ...(more?.entries ?? [])];
  const nextBefore = more ? more.nextBefore : (first.data?.nextBefore ?? null);

  const loadMore = async () => {
    if (nextBefore === null) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await api['audit.list']({ limit: PAGE, before: nextBefore });
      setMore({ entries: [...(more?.entries ?? []), ...page.entries], nextBefore: page.nextBefore });
    } catch (err) {
      setMoreError(err);
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    setMore(null);
    first.reload();
  };

  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="card-head">
        <h2 id="audit-title">{t('settings.audit.title')}</h2>
        <button type="button" className="btn btn-small" onClick={reload}>{t('settings.audit.refresh')}</button>
      </div>
      <p className="form-note">{t('settings.audit.intro', { zone: TIMEZONE_LABEL[office.timezone] })}</p>
      <LoadState loader={first}>
        {() => entries.length === 0 ? <p>{t('settings.audit.empty')}</p> : (
          <AuditTable caption={t('settings.audit.title')} entries={entries} detailsHeader={t('settings.audit.details')} showEntity />
        )}
      </LoadState>
      {moreError ? <ErrorAlert error={moreError} /> : null}
      {first.data && (nextBefore !== null ? (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => void loadMore()} aria-busy={busy || undefined}>
            {busy ? t('common.loading') : t('common.loadMore')}
          </button>
        </div>
      ) : entries.length > 0 && <p className="muted">{t('settings.audit.end')}</p>)}
    </section>
  );
}
