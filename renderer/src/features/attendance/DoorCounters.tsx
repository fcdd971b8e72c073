import { useTranslation } from 'react-i18next';
import { Figures } from '../trainings/ui.tsx';
import type { DoorCounts } from './useDoorSheet.ts';

/**
 * Hadir, Terlambat, Izin dll., Alpa, Belum and Peserta at a glance, and the same in one
 * sentence for screen readers; a dash for each while the sheet is not loaded.
 */
export function DoorCounters({ counts }: { counts: DoorCounts | null }) {
  const { t } = useTranslation();
  const show = (n: number | undefined) => (n === undefined ? '—' : n);
  return (
    <>
      <Figures
        className="door-counts"
        label={t('attendanceUi.door.countsLabel')}
        items={[
          { key: 'hadir', term: t('trainingTerms.attendance.hadir'), value: show(counts?.hadir), tone: 'ok' },
          { key: 'terlambat', term: t('trainingTerms.attendance.terlambat'), value: show(counts?.terlambat), tone: 'late' },
          { key: 'other', term: t('attendanceUi.door.otherMarks'), value: show(counts?.other) },
          { key: 'alpa', term: t('trainingTerms.attendance.alpa'), value: show(counts?.alpa), tone: counts?.alpa ? 'alpa' : undefined },
          { key: 'open', term: t('attendanceUi.door.open'), value: show(counts?.open), tone: counts?.open ? 'warn' : undefined },
          { key: 'total', term: t('attendanceUi.door.participants'), value: show(counts?.total) },
        ]}
      />
      <p className="visually-hidden" role="status">{counts ? t('attendanceUi.door.countsLine', { ...counts }) : ''}</p>
    </>
  );
}
