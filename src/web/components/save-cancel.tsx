import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';

/** The end of an inline edit form: save (disabled while saving), cancel, and what the save failed with. */
export function SaveCancel({ saving, error, onCancel }: { saving: boolean; error: unknown; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="actions">
        <button type="submit" disabled={saving}>
          {t('manage.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('assessment.cancel')}
        </button>
      </div>
      <FormError error={error} />
    </>
  );
}
