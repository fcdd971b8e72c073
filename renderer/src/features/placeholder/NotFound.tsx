import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p><Link href="/">{t('notFound.back')}</Link></p>
    </Page>
  );
}

/** Shown instead of an admin-only area to other users. */
export function NoAccess() {
  const { t } = useTranslation();
  return (
    <Page title={t('noAccess.title')}>
      <p className="alert alert-info">{t('noAccess.text')}</p>
      <p><Link href="/">{t('notFound.back')}</Link></p>
    </Page>
  );
}
