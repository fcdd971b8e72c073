import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { formatDate } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { currentLanguage } from '../../i18n.ts';

const SHOWN = 5;

/**
 * Beranda's reminder: supervisors' follow-ups that are due and not yet filled in, the most
 * overdue first, with the way to them. Nothing when none are due (or the list cannot be read).
 */
export function DueFollowupsCard() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const headId = useId();
  const due = useLoader(() => api['followups.list']({ state: 'due' }), []);
  const rows = [...(due.data ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.name.localeCompare(b.name));
  if (!rows.length) return null;
  return (
    <section className="card reminder-card" aria-labelledby={headId}>
      <h2 id={headId}>{t('evaluationUi.home.title', { n: rows.length })}</h2>
      <ul className="reminder-list">
        {rows.slice(0, SHOWN).map((f) => (
          <li key={f.id}>
            <strong>{f.name}</strong>
            <span className="muted"> — {f.eventName}, {t('evaluationUi.home.dueOn', { date: formatDate(f.dueDate, lang) })}</span>
          </li>
        ))}
      </ul>
      <p className="reminder-more">
        {rows.length > SHOWN && <span className="muted">{t('evaluationUi.home.more', { n: rows.length - SHOWN })} </span>}
        <Link href="/evaluasi">{t('evaluationUi.home.open')}</Link>
      </p>
    </section>
  );
}
