import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../features/settings/auditFormat.ts';

/** One audit entry's fields: "Label: old → new" for a change, "Label: value" otherwise. */
export function ChangeDetails({ items }: { items: AuditDetail[] }) {
  const { t } = useTranslation();
  return (
    <ul className="audit-details">
      {items.map((d) => (
        <li key={d.label}>
          <span className="audit-field">{d.label}:</span>{' '}
          {d.change ? (
            <><span className="audit-old">{d.change[0]}</span> <span aria-label={t('settings.audit.becomes')}>→</span> <span className="audit-new">{d.change[1]}</span></>
          ) : d.value}
        </li>
      ))}
    </ul>
  );
}
