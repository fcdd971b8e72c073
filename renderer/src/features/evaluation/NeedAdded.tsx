import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Need } from '../../../../shared/contract/programme.ts';

/** What "Jadikan kebutuhan" made, and where to find it. */
export function NeedAdded({ need }: { need: Need }) {
  const { t } = useTranslation();
  return (
    <>
      {t('evaluationUi.need.added', { topic: need.topic, year: need.year })}{' '}
      <Link href="/program/kebutuhan">{t('evaluationUi.need.open')}</Link>
    </>
  );
}
