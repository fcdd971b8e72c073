import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import { useSession } from '../../app/session.tsx';
import { useLoader } from '../../app/useLoader.ts';

export function logoDataUrl(logo: { mimeType: string; dataBase64: string }): string {
  return `data:${logo.mimeType};base64,${logo.dataBase64}`;
}

/** The office logo (if any), reloaded whenever the office record changes. */
export function OfficeLogo({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { office } = useSession();
  const logo = useLoader(() => (office.hasLogo ? api['office.logo']({}) : Promise.resolve(null)), [office.hasLogo, office.updatedAt]);
  if (!logo.data) return null;
  return <img className={className} src={logoDataUrl(logo.data)} alt={t('settings.office.logoAlt', { name: office.name })} />;
}
