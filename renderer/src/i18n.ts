import { createI18n, LANGUAGES, type Language } from '../../shared/i18n/index.ts';

const STORAGE_KEY = 'bangkom.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as string[]).includes(value ?? '') ? (value as Language) : 'id';
  } catch {
    return 'id';
  }
}

/** The renderer's one i18next instance: Indonesian unless the user picked English before. */
export const i18n = createI18n(storedLanguage());

// A key missing from both catalogues would show as raw `foo.bar`; say so loudly in the
// console (the end-to-end tests fail on it). Lookups with a default value are deliberate.
i18n.options.saveMissing = true;
i18n.options.missingKeyHandler = (_lngs, _ns, key, _fallback, _update, options) => {
  if ((options as { defaultValue?: unknown } | undefined)?.defaultValue === undefined) {
    console.warn(`[i18n] missing key: ${key}`);
  }
};

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'id';
}

export async function setLanguage(lang: Language): Promise<void> {
  await i18n.changeLanguage(lang);
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be unavailable (private mode); the switch still works for this session.
  }
  document.documentElement.lang = lang;
}

document.documentElement.lang = currentLanguage();
