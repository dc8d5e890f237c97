import { useTranslation } from 'react-i18next';
import { usePageTitle } from './use-page-title';

/** An honest empty page for areas that later issues build. */
export function PlaceholderPage({ titleKey }: { titleKey: string }) {
  const { t } = useTranslation();
  usePageTitle(t(titleKey));
  return (
    <section>
      <h1>{t(titleKey)}</h1>
      <p>{t('placeholder.comingSoon')}</p>
    </section>
  );
}
