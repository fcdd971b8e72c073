import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract/index.ts';
import type { Office } from '../../../../shared/contract/office.ts';
import { formatNip } from '../../../../shared/domain/nip.ts';
import { TIMEZONES, TIMEZONE_LABEL } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { zodOptions } from '../../components/errors.ts';
import { Form, FormFooter, SelectField, TextField, useSaveForm } from '../../components/form.tsx';
import { LogoSettings } from './LogoSettings.tsx';

const officeSchema = contract['office.update'].input;

function formValues(office: Office) {
  return {
    name: office.name,
    address: office.address,
    timezone: office.timezone,
    signer: { name: office.signer.name, nip: formatNip(office.signer.nip), title: office.signer.title },
  };
}

/** Kantor: name, address, time zone and signer; the logo; the region, read-only. */
export function OfficeSettings() {
  const { t } = useTranslation();
  const { office, setOffice } = useSession();
  const form = useForm({ resolver: zodResolver(officeSchema, zodOptions), defaultValues: formValues(office) });
  const { onSubmit, alert, saved } = useSaveForm(form, async (values) => {
    const updated = await api['office.update'](values);
    setOffice(updated);
    return updated;
  }, formValues);

  return (
    <div className="stack">
      <section className="card" aria-labelledby="office-form-title">
        <h2 id="office-form-title">{t('settings.office.title')}</h2>
        <Form form={form} onSubmit={onSubmit}>
          <div className="grid-2">
            <TextField name="name" label={t('setup.officeName')} />
            <SelectField
              name="timezone"
              label={t('field.timezone')}
              options={TIMEZONES.map((tz) => ({ value: tz, label: t(`timezones.${TIMEZONE_LABEL[tz]}`) }))}
            />
          </div>
          <TextField name="address" label={t('field.address')} optional />
          <h3 className="subsection-title">{t('settings.office.signerTitle')}</h3>
          <div className="grid-3">
            <TextField name="signer.name" label={t('field.signer.name')} />
            <TextField name="signer.nip" label={t('field.signer.nip')} hint={t('setup.nipHint')} inputMode="numeric" />
            <TextField name="signer.title" label={t('field.signer.title')} />
          </div>
          <FormFooter error={alert} done={saved && t('settings.office.saved')} submitLabel={t('common.save')} />
        </Form>
      </section>

      <LogoSettings />

      <section className="card" aria-labelledby="office-region-title">
        <h2 id="office-region-title">{t('settings.office.region')}</h2>
        <dl className="readonly-list">
          <div><dt>{t('setup.province')}</dt><dd>{office.provinceName}</dd></div>
          <div><dt>{t('setup.regency')}</dt><dd>{office.regencyName}</dd></div>
          {office.kind !== 'kota' && <div><dt>{t('setup.district')}</dt><dd>{office.districtName}</dd></div>}
          <div><dt>{t('settings.office.regionCode')}</dt><dd>{office.regionCode}</dd></div>
        </dl>
        <p className="form-note">{t('settings.office.regionNote')}</p>
      </section>
    </div>
  );
}
