import { useTranslation } from 'react-i18next';
import type { CatalogText } from '../../contracts/catalog.schema';

/** Picks the UI language's side of a bilingual catalog text. */
export function useLocalized(): (text: CatalogText) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  return (text) => text[language];
}
