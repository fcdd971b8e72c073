import { useEffect, useRef } from 'react';
import { useForm, useFormContext, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.ts';
import { ApiError } from '../../../../shared/contract/errors.ts';
import { TIMEZONES, TIMEZONE_LABEL, timezoneForProvince } from '../../../../shared/domain/timezone.ts';
import { api } from '../../api.ts';
import { useLoader } from '../../app/useLoader.ts';
import { toApiError, zodOptions } from '../../components/errors.ts';
import { Form, FormAlert, SelectField, SubmitButton, TextField, useSubmitError } from '../../components/form.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { officeRegion, setupSchema, type SetupValues } from './schema.ts';
import { DistrictList, VillageList } from './VillageList.tsx';

const DEFAULT_VALUES: SetupValues = {
  kind: 'kecamatan',
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

/** The signer each kind of office starts with (the CLI's default too). */
const SIGNER_TITLE = { kecamatan: 'Camat', kota: 'Kepala BKPSDM' } as const;

const resolveSetup = zodResolver(setupSchema, zodOptions);
const resolver: typeof resolveSetup = (values, context, options) => resolveSetup(officeRegion(values), context, options);

interface Props {
  onDone(result: Output<'office.setup'>): void;
  /** Someone else finished the setup meanwhile: start over (to the login screen). */
  onAlreadySetUp(): void;
}

/**
 * First run, on one page: which office this is, its region (province → kabupaten/kota →
 * kecamatan, whose kelurahan become units; a city office (BKPSDM) stops at the kabupaten/kota
 * and has no units and no door attendance), office, the Camat or the head of the BKPSDM as
 * signer, and the first admin, who is then logged in.
 */
export function SetupWizard({ onDone, onAlreadySetUp }: Props) {
  const { t } = useTranslation();
  const form = useForm({ resolver, defaultValues: DEFAULT_VALUES });
  const { setValue, getValues, control } = form;
  const submit = useSubmitError(form);
  const [kind, provinceCode, regencyCode, regionCode] = useWatch({ control, name: ['kind', 'provinceCode', 'regencyCode', 'regionCode'] });
  const city = kind === 'kota';

  const provinces = useLoader(() => api['regions.provinces']({}), []);
  const regencies = useLoader(() => (provinceCode ? api['regions.regencies']({ provinceCode }) : noAreas()), [provinceCode]);
  const districts = useLoader(() => (regencyCode ? api['regions.districts']({ regencyCode }) : noAreas()), [regencyCode]);
  const villages = useLoader(() => (regionCode && !city ? api['regions.villages']({ districtCode: regionCode }) : noAreas()), [regionCode, city]);

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

  // The office name follows the kecamatan (a city office: the kabupaten/kota) until the user
  // writes their own; so does the signer's title follow the kind of office.
  const districtName = districts.data?.find((d) => d.code === regionCode)?.name ?? null;
  const regencyName = regencies.data?.find((r) => r.code === regencyCode)?.name ?? null;
  const autoName = useRef('');
  useEffect(() => {
    const proposed = city
      ? (regencyName ? t('cityUi.setup.officeNameDefault', { name: regencyName }) : '')
      : (districtName ? t('setup.officeNameDefault', { name: districtName }) : '');
    const current = getValues('name');
    if (current === '' || current === autoName.current) setValue('name', proposed);
    autoName.current = proposed;
  }, [city, districtName, regencyName, getValues, setValue, t]);
  useEffect(() => {
    const current = getValues('signer.title');
    if (current === '' || current === SIGNER_TITLE.kecamatan || current === SIGNER_TITLE.kota) setValue('signer.title', SIGNER_TITLE[city ? 'kota' : 'kecamatan']);
  }, [city, getValues, setValue]);

  const listError = provinces.error ?? regencies.error ?? districts.error ?? villages.error;

  return (
    <div className="standalone">
      <header className="standalone-head">
        <p className="brand-name">{t('app.name')} <span className="brand-tagline">{t('app.tagline')}</span></p>
        <LanguageSwitch />
      </header>
      <main className="setup">
        <h1>{t('setup.title')}</h1>
        <p className="page-intro">{t(city ? 'cityUi.setup.intro' : 'setup.intro')}</p>
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
              else submit.fail(city ? regionAsRegency(err) : err);
            }
          }}
        >
          <OfficeKindChoice />

          <fieldset className="card">
            <legend>{t(city ? 'cityUi.setup.stepRegion' : 'setup.stepRegion')}</legend>
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
              {!city && (
                <SelectField
                  name="regionCode"
                  label={t('setup.district')}
                  placeholder={regencyCode && districts.loading ? t('common.loading') : t('setup.choose')}
                  options={(districts.data ?? []).map((a) => ({ value: a.code, label: a.name }))}
                  disabled={!regencyCode}
                />
              )}
            </div>
            {!city && regionCode && districtName && (
              <VillageList districtName={districtName} regionCode={regionCode} villages={villages.data} loading={villages.loading} />
            )}
            {city && regencyCode && regencyName && (
              <DistrictList regencyName={regencyName} regencyCode={regencyCode} districts={districts.data} loading={districts.loading} />
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
            <legend>{t(city ? 'cityUi.setup.stepSigner' : 'setup.stepSigner')}</legend>
            <p className="form-note">{t(city ? 'cityUi.setup.signerNote' : 'setup.signerNote')}</p>
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

/** "Kantor apa ini?": a kecamatan office, or the city's BKPSDM that receives the kecamatan's data. */
function OfficeKindChoice() {
  const { t } = useTranslation();
  const { register } = useFormContext<SetupValues>();
  return (
    <fieldset className="card office-kind">
      <legend>{t('cityUi.setup.kindTitle')}</legend>
      <div className="office-kind-options">
        {(['kecamatan', 'kota'] as const).map((kind) => (
          <label key={kind} className="office-kind-option">
            <input type="radio" value={kind} {...register('kind')} aria-labelledby={`office-kind-${kind}`} aria-describedby={`office-kind-${kind}-note`} />
            <span>
              <span className="office-kind-name" id={`office-kind-${kind}`}>{t(`cityUi.setup.kinds.${kind}`)}</span>
              <span className="office-kind-note" id={`office-kind-${kind}-note`}>{t(`cityUi.setup.kindNotes.${kind}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A city office has no kecamatan picker: what the server says of the region belongs to the kabupaten/kota. */
function regionAsRegency(err: unknown): unknown {
  const e = toApiError(err);
  const issues = e.details?.issues;
  if (e.code !== 'VALIDATION' || !issues) return err;
  return new ApiError(e.code, e.message, { ...e.details, issues: issues.map((i) => (i.path[0] === 'regionCode' ? { ...i, path: ['regencyCode'] } : i)) });
}
