import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/i18n/index.ts';
import { currentLanguage, setLanguage } from '../i18n.ts';

/** Two buttons named in their own language, so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang: Language) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-option"
          aria-pressed={lang === active}
          onClick={() => void setLanguage(lang)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
