import { useTranslation } from 'react-i18next';
import type { Area } from '../../app/areas.ts';
import { Page } from '../../components/Page.tsx';

/** An area that is not built yet: one line on what it will hold. */
export function PlannedArea({ area }: { area: Area['key'] }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`areas.${area}.title`)} intro={t(`areas.${area}.description`)}>
      <p className="planned">{t('areas.planned')}</p>
    </Page>
  );
}
