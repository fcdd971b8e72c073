import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/** A screen's heading; the window title follows it. */
export function Page({ title, intro, children, actions }: { title: string; intro?: ReactNode; children?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <div>
          <h1 id="page-title" tabIndex={-1}>{title}</h1>
          {intro && <p className="page-intro">{intro}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** The sections of a screen (Pengaturan, a year's programme, an event), the current one marked. */
export function SubNav({ label, items }: { label: string; items: { key: string; href: string; label: string; current: boolean }[] }) {
  return (
    <nav className="subnav" aria-label={label}>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href} aria-current={i.current ? 'page' : undefined}>{i.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
