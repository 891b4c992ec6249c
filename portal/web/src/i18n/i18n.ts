/**
 * i18next: German first (the language of the programme and its forms), English second. The
 * choice is kept in localStorage; `<html lang>` follows it so screen readers pronounce it right.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

/** Languages the front end offers. */
export const languages = ['de', 'en'] as const;
const storageKey = 'now.language';

/** Initialises i18next once; resolves when the texts are ready. */
export async function initI18n(): Promise<typeof i18next> {
  const stored = localStorage.getItem(storageKey);
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: stored === 'en' ? 'en' : 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    localStorage.setItem(storageKey, lng);
    document.documentElement.lang = lng;
  });
  return i18next;
}
