import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.ts';
import { unitKind, type Unit } from '../../../../shared/contract/office.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { zodOptions } from '../../components/errors.ts';
import { LoadState } from '../../components/feedback.tsx';
import { Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { Modal } from '../../components/Modal.tsx';
import { ActiveBadge, MessageLine, useActiveList } from './activeList.tsx';

const createSchema = contract['units.create'].input;
const updateSchema = contract['units.update'].input.omit({ id: true });

/** An empty code means "no code". */
const nullIfEmpty = (code: string | null | undefined) => (code ? code : null);

/** Unit kerja: the kantor's own units and the kelurahan/desa; deactivated, never deleted. */
export function UnitsSettings() {
  const { t } = useTranslation();
  const units = useLoader(() => api['units.list']({ includeInactive: true }), []);
  const [editing, setEditing] = useState<Unit | null>(null);
  const { message, setMessage, replace, append, toggle } = useActiveList(
    units,
    (id, active) => api['units.setActive']({ id, active }),
    (unit) => t(unit.active ? 'settings.units.activated' : 'settings.units.deactivated', { name: unit.name }),
  );

  return (
    <div className="stack">
      <section className="card" aria-labelledby="units-title">
        <h2 id="units-title">{t('settings.units.title')}</h2>
        <p className="form-note">{t('settings.units.intro')}</p>
        <MessageLine message={message} />
        <LoadState loader={units}>
          {(list) => (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{t('settings.units.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('settings.units.name')}</th>
                    <th scope="col">{t('settings.units.kind')}</th>
                    <th scope="col">{t('field.code')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((unit) => (
                    <tr key={unit.id} className={unit.active ? undefined : 'row-inactive'}>
                      <th scope="row">{unit.name}</th>
                      <td>{t(`unitKinds.${unit.kind}`)}</td>
                      <td className="mono">{unit.code ?? '—'}</td>
                      <td><ActiveBadge active={unit.active} /></td>
                      <td>
                        <div className="row-actions">
                          <button type="button" className="btn btn-small" aria-label={t('settings.units.editNamed', { name: unit.name })} onClick={() => setEditing(unit)}>
                            {t('common.edit')}
                          </button>
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-label={t(unit.active ? 'settings.units.deactivateNamed' : 'settings.units.activateNamed', { name: unit.name })}
                            onClick={() => void toggle(unit)}
                          >
                            {t(unit.active ? 'common.deactivate' : 'common.activate')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </LoadState>
      </section>

      <AddUnit onAdded={(unit) => {
        append(unit);
        setMessage({ text: t('settings.units.added', { name: unit.name }) });
      }} />

      {editing && (
        <Modal title={t('settings.units.editTitle', { name: editing.name })} onClose={() => setEditing(null)}>
          <EditUnit
            unit={editing}
            onSaved={(unit) => {
              replace(unit);
              setEditing(null);
              setMessage({ text: t('settings.units.updated', { name: unit.name }) });
            }}
            onCancel={() => setEditing(null)}
          />
        </Modal>
      )}
    </div>
  );
}

function AddUnit({ onAdded }: { onAdded(unit: Unit): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(createSchema, zodOptions), defaultValues: { name: '', kind: 'kantor' as const, code: '' } });
  const submit = useSubmitError(form);
  return (
    <section className="card" aria-labelledby="unit-add-title">
      <h2 id="unit-add-title">{t('settings.units.addTitle')}</h2>
      <Form
        form={form}
        onSubmit={async (values) => {
          submit.clear();
          try {
            onAdded(await api['units.create']({ ...values, code: nullIfEmpty(values.code) }));
            form.reset();
            form.setFocus('name');
          } catch (err) {
            submit.fail(err);
          }
        }}
      >
        <div className="grid-unit">
          <TextField name="name" label={t('settings.units.name')} />
          <SelectField name="kind" label={t('settings.units.kind')} options={unitKind.options.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
          <TextField name="code" label={t('field.code')} optional hint={t('settings.units.codeHint')} />
        </div>
        <FormAlert error={submit.alert} />
        <div className="form-actions">
          <SubmitButton>{t('settings.units.add')}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

function EditUnit({ unit, onSaved, onCancel }: { unit: Unit; onSaved(unit: Unit): void; onCancel(): void }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(updateSchema, zodOptions), defaultValues: { name: unit.name, code: unit.code ?? '' } });
  const submit = useSubmitError(form);
  return (
    <Form
      form={form}
      onSubmit={async (values) => {
        submit.clear();
        try {
          onSaved(await api['units.update']({ id: unit.id, name: values.name, code: nullIfEmpty(values.code) }));
        } catch (err) {
          submit.fail(err);
        }
      }}
    >
      <TextField name="name" label={t('settings.units.name')} />
      <TextField name="code" label={t('field.code')} optional hint={t('settings.units.codeHint')} />
      <FormAlert error={submit.alert} />
      <div className="form-actions">
        <SubmitButton>{t('common.save')}</SubmitButton>
        <button type="button" className="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </Form>
  );
}
