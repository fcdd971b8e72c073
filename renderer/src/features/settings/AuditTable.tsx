import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract/audit.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { useSession } from '../../app/session.tsx';
import { ChangeDetails } from '../../components/ChangeDetails.tsx';
import { currentLanguage } from '../../i18n.ts';
import { auditDetails, auditUser, type AuditFormat } from './auditFormat.ts';

/**
 * Audit entries as a table, in the office's time zone: the whole log (with the record each
 * entry is about) and one person's history (its own labels for the fields) both show it.
 */
export function AuditTable({ caption, entries, detailsHeader, showEntity = false, format }: {
  caption: string;
  entries: readonly (Pick<AuditEntry, 'seq' | 'at' | 'username' | 'action' | 'details'> & { entity?: string | null })[];
  detailsHeader: string;
  showEntity?: boolean;
  format?: AuditFormat;
}) {
  const { t } = useTranslation();
  const { office } = useSession();
  const lang = currentLanguage();
  return (
    <div className="table-wrap">
      <table className="table table-audit">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="col-time">{t('settings.audit.time')}</th>
            <th scope="col">{t('settings.audit.user')}</th>
            <th scope="col" className="col-action">{t('settings.audit.action')}</th>
            {showEntity && <th scope="col">{t('settings.audit.entity')}</th>}
            <th scope="col">{detailsHeader}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{formatInstant(e.at, office.timezone, lang)}</td>
              <td className="mono">{auditUser(e.username)}</td>
              <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
              {showEntity && <td>{e.entity ? t(`auditEntities.${e.entity}`, { defaultValue: e.entity }) : '—'}</td>}
              <td><ChangeDetails items={auditDetails(t, e.action, e.details, format)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
