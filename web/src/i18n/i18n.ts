/** i18next with Chinese (zh-CN) by default and English on request; the choice is kept in localStorage. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './messages-en';
import { zh } from './messages-zh';

export type Language = 'zh' | 'en';
const STORAGE_KEY = 'fullcycle.language';

/** The language the user chose last, Chinese by default. */
export function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** Switches the language and remembers it. */
export function switchLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(language);
}

void i18n.use(initReactI18next).init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = storedLanguage() === 'zh' ? 'zh-CN' : 'en';

export default i18n;
