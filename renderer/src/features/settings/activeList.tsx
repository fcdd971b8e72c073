import { useTranslation } from 'react-i18next';
import type { CrudList } from '../../components/list.tsx';
import { RowButton, type Column } from '../../components/table.tsx';

function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge ${active ? 'badge-ok' : 'badge-off'}`}>{t(active ? 'common.active' : 'common.inactive')}</span>;
}

/**
 * Records that are deactivated, never deleted (units, accounts): their "Status" column, the
 * struck-through row of an inactive one, and the row's button that switches it on or off (the
 * row shows the change, the message line says it).
 */
export function useActiveList<T extends { id: string; active: boolean }>(
  list: CrudList<T>,
  setActive: (id: string, active: boolean) => Promise<T>,
  toggledText: (updated: T) => string,
) {
  const { t } = useTranslation();
  const column: Column<T> = { key: 'status', header: t('common.status'), cell: (item) => <ActiveBadge active={item.active} /> };
  const rowClassName = (item: T) => (item.active ? undefined : 'row-inactive');
  /** The switch of one row; `label` names the record ("Nonaktifkan Seksi Pelayanan"). */
  const button = (item: T, label: string) => (
    <RowButton label={label} onClick={() => void list.update(item.id, () => setActive(item.id, !item.active), toggledText)}>
      {t(item.active ? 'common.deactivate' : 'common.activate')}
    </RowButton>
  );
  return { column, rowClassName, button };
}
