import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ja } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'iotcheck.language';

/** The remembered choice, else the browser's language, else Japanese. */
export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'ja' || stored === 'en') return stored;
  const browser = globalThis.navigator?.language ?? 'ja';
  return browser.toLowerCase().startsWith('ja') ? 'ja' : browser.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/** Switches the UI language, remembers it and updates <html lang>. */
export async function changeLanguage(language: Language): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'ja',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
