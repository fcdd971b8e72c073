import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ErrorAlert, LoadState } from '../../components/feedback.tsx';
import { currentLanguage } from '../../i18n.ts';
import { ChangeDetails } from '../../components/ChangeDetails.tsx';
import { auditDetails, auditUser } from './auditFormat.ts';

const PAGE = 50;

/** Log audit: newest first, in the office's time zone; "muat lagi" pages back with `nextBefore`. */
export function AuditLog() {
  const { t } = useTranslation();
  const { office } = useSession();
  const first = useLoader(() => api['audit.list']({ limit: PAGE }), []);
  const [more, setMore] = useState<{ entries: AuditEntry[]; nextBefore: number | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const lang = currentLanguage();

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
          <div className="table-wrap">
            <table className="table table-audit">
              <caption className="visually-hidden">{t('settings.audit.title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-time">{t('settings.audit.time')}</th>
                  <th scope="col">{t('settings.audit.user')}</th>
                  <th scope="col" className="col-action">{t('settings.audit.action')}</th>
                  <th scope="col">{t('settings.audit.entity')}</th>
                  <th scope="col">{t('settings.audit.details')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="nowrap">{formatInstant(e.at, office.timezone, lang)}</td>
                    <td className="mono">{auditUser(e.username)}</td>
                    <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
                    <td>{e.entity ? t(`auditEntities.${e.entity}`, { defaultValue: e.entity }) : '—'}</td>
                    <td><ChangeDetails items={auditDetails(t, e.action, e.details)} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
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
