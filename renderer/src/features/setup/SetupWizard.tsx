import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.ts';
import { TIMEZONES, TIMEZONE_LABEL, timezoneForProvince } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { toApiError, zodOptions } from '../../components/errors.ts';
import { Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { setupSchema, type SetupValues } from './schema.ts';
import { VillageList } from './VillageList.tsx';

const DEFAULT_VALUES: SetupValues = {
  provinceCode: '',
  regencyCode: '',
  regionCode: '',
  name: '',
  address: '',
  timezone: 'Asia/Jakarta',
  signer: { name: '', nip: '', title: 'Camat' },
  admin: { username: '', fullName: '', password: '', passwordRepeat: '' },
};

const noAreas = () => Promise.resolve([]);

interface Props {
  onDone(result: Output<'office.setup'>): void;
  /** Someone else finished the setup meanwhile: start over (to the login screen). */
  onAlreadySetUp(): void;
}

/**
 * First run, on one page: region (province → kabupaten/kota → kecamatan, whose kelurahan
 * become units), office, the Camat as signer, and the first admin, who is then logged in.
 */
export function SetupWizard({ onDone, onAlreadySetUp }: Props) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(setupSchema, zodOptions), defaultValues: DEFAULT_VALUES });
  const { setValue, getValues, control } = form;
  const submit = useSubmitError(form);
  const [provinceCode, regencyCode, regionCode] = useWatch({ control, name: ['provinceCode', 'regencyCode', 'regionCode'] });

  const provinces = useLoader(() => api['regions.provinces']({}), []);
  const regencies = useLoader(() => (provinceCode ? api['regions.regencies']({ provinceCode }) : noAreas()), [provinceCode]);
  const districts = useLoader(() => (regencyCode ? api['regions.districts']({ regencyCode }) : noAreas()), [regencyCode]);
  const villages = useLoader(() => (regionCode ? api['regions.villages']({ districtCode: regionCode }) : noAreas()), [regionCode]);

  useEffect(() => {
    document.title = `${t('setup.title')} · ${t('app.name')}`;
  }, [t]);

  // A new province empties the pickers below it and proposes its time zone.
  const previous = useRef({ provinceCode, regencyCode });
  useEffect(() => {
    if (previous.current.provinceCode !== provinceCode) {
      setValue('regencyCode', '');
      setValue('regionCode', '');
      if (provinceCode) setValue('timezone', timezoneForProvince(provinceCode));
    } else if (previous.current.regencyCode !== regencyCode) {
      setValue('regionCode', '');
    }
    previous.current = { provinceCode, regencyCode };
  }, [provinceCode, regencyCode, setValue]);

  // The office name follows the kecamatan until the user writes their own.
  const districtName = districts.data?.find((d) => d.code === regionCode)?.name ?? null;
  const autoName = useRef('');
  useEffect(() => {
    if (!districtName) return;
    const proposed = t('setup.officeNameDefault', { name: districtName });
    const current = getValues('name');
    if (current === '' || current === autoName.current) setValue('name', proposed);
    autoName.current = proposed;
  }, [districtName, getValues, setValue, t]);

  const listError = provinces.error ?? regencies.error ?? districts.error ?? villages.error;

  return (
    <div className="standalone">
      <header className="standalone-head">
        <p className="brand-name">{t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span></p>
        <LanguageSwitch />
      </header>
      <main className="setup">
        <h1>{t('setup.title')}</h1>
        <p className="page-intro">{t('setup.intro')}</p>
        <Form
          form={form}
          aria-label={t('setup.title')}
          onSubmit={async (values) => {
            submit.clear();
            const { provinceCode: _p, regencyCode: _r, admin: { passwordRepeat: _rep, ...admin }, ...office } = values;
            try {
              onDone(await api['office.setup']({ ...office, admin }));
            } catch (err) {
              if (toApiError(err).code === 'ALREADY_SET_UP') onAlreadySetUp();
              else submit.fail(err);
            }
          }}
        >
          <fieldset className="card">
            <legend>{t('setup.stepRegion')}</legend>
            {listError ? <FormAlert error={listError} /> : null}
            <div className="grid-3">
              <SelectField
                name="provinceCode"
                label={t('setup.province')}
                placeholder={provinces.loading ? t('common.loading') : t('setup.choose')}
                options={(provinces.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
              />
              <SelectField
                name="regencyCode"
                label={t('setup.regency')}
                placeholder={provinceCode && regencies.loading ? t('common.loading') : t('setup.choose')}
                options={(regencies.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
                disabled={!provinceCode}
              />
              <SelectField
                name="regionCode"
                label={t('setup.district')}
                placeholder={regencyCode && districts.loading ? t('common.loading') : t('setup.choose')}
                options={(districts.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
                disabled={!regencyCode}
              />
            </div>
            {regionCode && districtName && (
              <VillageList districtName={districtName} regionCode={regionCode} villages={villages.data} loading={villages.loading} />
            )}
          </fieldset>

          <fieldset className="card">
            <legend>{t('setup.stepOffice')}</legend>
            <div className="grid-2">
              <TextField name="name" label={t('setup.officeName')} autoComplete="organization" />
              <SelectField
                name="timezone"
                label={t('field.timezone')}
                hint={t('setup.timezoneHint')}
                options={TIMEZONES.map((tz) => ({ value: tz, label: t(`timezones.${TIMEZONE_LABEL[tz]}`) }))}
              />
            </div>
            <TextField name="address" label={t('field.address')} optional autoComplete="street-address" />
            <p className="form-note">{t('setup.logoLater')}</p>
          </fieldset>

          <fieldset className="card">
            <legend>{t('setup.stepSigner')}</legend>
            <p className="form-note">{t('setup.signerNote')}</p>
            <div className="grid-3">
              <TextField name="signer.name" label={t('field.signer.name')} autoComplete="off" />
              <TextField name="signer.nip" label={t('field.signer.nip')} hint={t('setup.nipHint')} inputMode="numeric" autoComplete="off" />
              <TextField name="signer.title" label={t('field.signer.title')} autoComplete="off" />
            </div>
          </fieldset>

          <fieldset className="card">
            <legend>{t('setup.stepAdmin')}</legend>
            <p className="form-note">{t('setup.adminNote')}</p>
            <div className="grid-2">
              <TextField name="admin.username" label={t('field.username')} hint={t('common.usernameHint')} autoComplete="username" autoCapitalize="none" spellCheck={false} />
              <TextField name="admin.fullName" label={t('field.fullName')} autoComplete="name" />
              <TextField name="admin.password" type="password" label={t('field.password')} hint={t('common.passwordHint')} autoComplete="new-password" />
              <TextField name="admin.passwordRepeat" type="password" label={t('common.passwordRepeat')} autoComplete="new-password" />
            </div>
          </fieldset>

          <FormAlert error={submit.alert} />
          <div className="form-actions">
            <SubmitButton busyText={t('setup.submitting')}>{t('setup.submit')}</SubmitButton>
          </div>
        </Form>
      </main>
    </div>
  );
}
