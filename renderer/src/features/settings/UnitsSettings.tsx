import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.ts';
import { unitKind, type Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { zodOptions } from '../../components/errors.ts';
import { FormCard, FormDialog, SelectField, TextField } from '../../components/form.tsx';
import { ListCard, useCrudList } from '../../components/list.tsx';
import { DataTable, RowButton } from '../../components/table.tsx';
import { useActiveList } from './activeList.tsx';
import { UnitAliases } from './UnitAliases.tsx';

const createSchema = contract['units.create'].input;
const updateSchema = contract['units.update'].input.omit({ id: true });

/** An empty code means "no code". */
const nullIfEmpty = (code: string | null | undefined) => (code ? code : null);

/** Unit kerja: the kantor's own units and the kelurahan/desa; deactivated, never deleted. */
export function UnitsSettings() {
  const { t } = useTranslation();
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const list = useCrudList<Unit>(units);
  const active = useActiveList(
    list,
    (id, on) => api['units.setActive']({ id, active: on }),
    (unit) => t(unit.active ? 'settings.units.activated' : 'settings.units.deactivated', { name: unit.name }),
  );
  const { editing } = list;

  return (
    <div className="stack">
      <ListCard title={t('settings.units.title')} intro={t('settings.units.intro')} message={list.message}>
        <DataTable
          loader={units}
          caption={t('settings.units.title')}
          rowClassName={active.rowClassName}
          columns={[
            { key: 'name', header: t('settings.units.name'), rowHeader: true, cell: (unit) => unit.name },
            { key: 'kind', header: t('settings.units.kind'), cell: (unit) => t(`unitKinds.${unit.kind}`) },
            { key: 'code', header: t('field.code'), className: 'mono', cell: (unit) => unit.code ?? '—' },
            active.column,
          ]}
          actions={(unit) => (
            <>
              <RowButton label={t('settings.units.editNamed', { name: unit.name })} onClick={() => list.edit(unit)}>{t('common.edit')}</RowButton>
              {active.button(unit, t(unit.active ? 'settings.units.deactivateNamed' : 'settings.units.activateNamed', { name: unit.name }))}
            </>
          )}
        />
      </ListCard>

      <AddUnit onAdded={(unit) => list.saved(unit, t('settings.units.added', { name: unit.name }))} />

      <UnitAliases />

      {editing && editing !== 'new' && (
        <EditUnit unit={editing} onClose={list.close} onSaved={(unit) => list.saved(unit, t('settings.units.updated', { name: unit.name }))} />
      )}
    </div>
  );
}

function AddUnit({ onAdded }: { onAdded(unit: Unit): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(createSchema, zodOptions), defaultValues: { name: '', kind: 'kantor' as const, code: '' } });
  return (
    <FormCard
      title={t('settings.units.addTitle')}
      next="name"
      form={form}
      send={(values) => api['units.create']({ ...values, code: nullIfEmpty(values.code) })}
      onDone={onAdded}
      submitLabel={t('settings.units.add')}
    >
      <div className="grid-unit">
        <TextField name="name" label={t('settings.units.name')} />
        <SelectField name="kind" label={t('settings.units.kind')} options={unitKind.options.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
        <TextField name="code" label={t('field.code')} optional hint={t('settings.units.codeHint')} />
      </div>
    </FormCard>
  );
}

function EditUnit({ unit, onSaved, onClose }: { unit: Unit; onSaved(unit: Unit): void; onClose(): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(updateSchema, zodOptions), defaultValues: { name: unit.name, code: unit.code ?? '' } });
  return (
    <FormDialog
      title={t('settings.units.editTitle', { name: unit.name })}
      onClose={onClose}
      form={form}
      send={(values) => api['units.update']({ id: unit.id, name: values.name, code: nullIfEmpty(values.code) })}
      onDone={onSaved}
      submitLabel={t('common.save')}
    >
      <TextField name="name" label={t('settings.units.name')} />
      <TextField name="code" label={t('field.code')} optional hint={t('settings.units.codeHint')} />
    </FormDialog>
  );
}
