import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentSummary } from '../../../contracts/assessment.schema';
import { assessmentApi } from '../../api/assessment-queries';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { SaveCancel } from '../../components/save-cancel';

/** Edit title and period (writers) and delete (owners and admins) of one assessment, as a table row's last cell. */
export function AssessmentActions({
  assessment,
  canEdit,
  canDelete,
}: {
  assessment: AssessmentSummary;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useApiMutation((input: Parameters<typeof assessmentApi.updateAssessment>[1]) =>
    assessmentApi.updateAssessment(assessment.id, input),
  );
  const remove = useApiMutation(() => assessmentApi.deleteAssessment(assessment.id, assessment.version));
  const confirmDelete = () => {
    if (window.confirm(t('manage.deleteAssessment', { title: assessment.title }))) remove.mutate(undefined);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const day = (name: string) => String(form.get(name) ?? '') || null;
    update.mutate(
      {
        version: assessment.version,
        title: String(form.get('title')).trim(),
        periodStart: day('periodStart'),
        periodEnd: day('periodEnd'),
      },
      { onSuccess: () => setEditing(false) },
    );
  };
  if (!canEdit && !canDelete) return null;
  return (
    <div className="row-actions">
      {canEdit && !editing && (
        <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-assessment">
          {t('manage.edit')}
        </button>
      )}
      {canDelete && (
        <button type="button" className="link-button danger" onClick={confirmDelete} data-testid="delete-assessment">
          {t('manage.delete')}
        </button>
      )}
      {editing && (
        <form onSubmit={submit} className="stacked-form edit-panel" aria-label={t('manage.editAssessment')}>
          <label>
            {t('assessment.assessmentTitle')}
            <input name="title" required maxLength={200} defaultValue={assessment.title} />
          </label>
          <label>
            {t('assessment.periodStart')}
            <input name="periodStart" type="date" defaultValue={assessment.periodStart ?? ''} />
          </label>
          <label>
            {t('assessment.periodEnd')}
            <input name="periodEnd" type="date" defaultValue={assessment.periodEnd ?? ''} />
          </label>
          <SaveCancel saving={update.isPending} error={update.error} onCancel={() => setEditing(false)} />
        </form>
      )}
      <FormError error={remove.error} />
    </div>
  );
}
