import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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
