import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { IMAGE_MAX_KB, ImageUploadForm } from '../../components/ImageUpload.tsx';
import { OfficeLogo } from './OfficeLogo.tsx';

/** Logo: PNG or JPEG up to 512 KB, checked here first and decoded again by the server. */
export function LogoSettings() {
  const { t } = useTranslation();
  const { office, setOffice } = useSession();
  const id = useId();

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.office.logoTitle')}</h2>
      <div className="logo-row">
        <div className="logo-frame">
          {office.hasLogo ? <OfficeLogo className="logo-preview" /> : <p className="muted">{t('settings.office.logoNone')}</p>}
        </div>
        <ImageUploadForm
          className="logo-form"
          field="logo"
          typeMessage="validation.logo_type"
          tooLargeMessage="validation.logo_too_large"
          present={office.hasLogo}
          texts={{
            label: t('settings.office.logoFile', { maxKb: IMAGE_MAX_KB }),
            upload: t('settings.office.logoUpload'),
            remove: t('settings.office.logoRemove'),
            uploaded: t('settings.office.logoUploaded'),
            removed: t('settings.office.logoRemoved'),
          }}
          save={async (image) => setOffice(await api['office.setLogo'](image))}
          remove={async () => setOffice(await api['office.removeLogo']({}))}
        />
      </div>
    </section>
  );
}
