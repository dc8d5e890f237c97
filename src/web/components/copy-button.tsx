import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a secret or link to the clipboard and says so for a moment. */
export function CopyButton({ text, testId }: { text: string; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" onClick={() => void copy()} data-testid={testId}>
      {copied ? t('manage.copied') : t('manage.copy')}
    </button>
  );
}
