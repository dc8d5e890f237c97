import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n/i18n';

/** A native select, so it is keyboard- and screen-reader-friendly without extra code. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      {/* The choices name themselves (日本語, English); the label stays for screen readers. */}
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        data-testid="language-switch"
        value={i18n.language}
        onChange={(event) => void changeLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
