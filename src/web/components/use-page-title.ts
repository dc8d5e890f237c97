import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Sets the browser tab's title to "<title> | iotcheck" while the page is shown (just "iotcheck"
 * while the title is not known yet). Callers pass text already in the reader's language, so the
 * tab follows a language switch.
 */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} | ${appName}` : appName;
  }, [title, appName]);
}
