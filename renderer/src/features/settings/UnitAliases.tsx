import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitAlias } from '../../../../shared/contract/roster.ts';
import { formatInstant } from '../../../../shared/domain/dates.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton, type Column } from '../../components/table.tsx';
import { currentLanguage } from '../../i18n.ts';

/**
 * The unit spellings remembered from roster imports ("Kel. Sukamaju" → Plaju Ulu), under
 * Pengaturan → Unit kerja. Removing one (a tombstone, audited) makes the next import ask again.
 */
export function UnitAliases() {
  const { t } = useTranslation();
  const { office } = useSession();
  const aliases = useLoader(() => api['units.aliases']({}), []);
  const list = useCrudList<UnitAlias>(aliases);

  // One removal at a time: a double click must not send the second one.
  const removing = useRef(false);
  const remove = async (alias: UnitAlias) => {
    if (removing.current) return;
    removing.current = true;
    try {
      await api['units.removeAlias']({ id: alias.id });
      list.drop(alias);
      list.say(t('settings.unitAliases.removed', { value: alias.value }));
    } catch (error) {
      list.fail(error);
    } finally {
      removing.current = false;
    }
  };

  const columns: Column<UnitAlias>[] = [
    { key: 'value', header: t('settings.unitAliases.value'), rowHeader: true, cell: (a) => a.value },
    { key: 'unit', header: t('settings.unitAliases.unit'), cell: (a) => a.unit },
    { key: 'since', header: t('settings.unitAliases.since'), className: 'nowrap', cell: (a) => formatInstant(a.createdAt, office.timezone, currentLanguage()) },
  ];

  return (
    <ListCard title={t('settings.unitAliases.title')} intro={t('settings.unitAliases.intro')} message={list.message}>
      <DataTable
        loader={aliases}
        caption={t('settings.unitAliases.title')}
        columns={columns}
        empty={t('settings.unitAliases.empty')}
        actions={(alias) => (
          <RowButton label={t('settings.unitAliases.removeNamed', { value: alias.value })} onClick={() => void remove(alias)}>
            {t('settings.unitAliases.remove')}
          </RowButton>
        )}
      />
    </ListCard>
  );
}
