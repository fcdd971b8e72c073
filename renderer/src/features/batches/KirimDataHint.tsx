import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { currentLanguage } from '../../i18n.ts';
import { figure } from '../trainings/format.ts';
import { KIRIM_DATA_PATH } from './paths.ts';

/**
 * Beranda's line about Kirim Data: how many rows wait for the city, and a warning when the
 * city's last answer refused rows. Nothing when nothing waits (or it cannot be read).
 */
export function KirimDataHint() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const state = useLoader(async () => {
    const [pending, batches] = await Promise.all([api['batch.pending']({}), api['batch.list']({})]);
    // The newest batch the city answered decides: a later diterima settles an older ditolak.
    const answered = batches.find((b) => b.receipt !== null);
    return { pending, refused: answered?.state === 'ditolak' ? answered.seq : null };
  }, []);
  const data = state.data;
  if (!data || (data.pending.total === 0 && data.refused === null)) return null;
  const link = <Link href={KIRIM_DATA_PATH}>{t('batchesUi.home.link')}</Link>;
  if (data.refused !== null) {
    return (
      <div className="alert alert-warning" role="note">
        <p>{t('batchesUi.home.ditolak', { seq: data.refused })} {link}</p>
      </div>
    );
  }
  return <p className="backup-line">{t('batchesUi.home.waiting', { count: data.pending.total, n: figure(data.pending.total, lang) })} {link}</p>;
}
