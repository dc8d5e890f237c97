import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IotSystem } from '../../../contracts/assessment.schema';
import { assessmentApi } from '../../api/assessment-queries';
import { useApiMutation } from '../../api/auth-queries';
import { FormError } from '../../components/form-error';
import { SaveCancel } from '../../components/save-cancel';
import { CRITICALITIES } from './assessment-model';

/** Edit (writers) and delete (owners and admins) for one system, with a confirmation that names what goes. */
export function SystemActions({
  system,
  assessmentCount,
  canEdit,
  canDelete,
}: {
  system: IotSystem;
  assessmentCount: number;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useApiMutation((input: Parameters<typeof assessmentApi.updateSystem>[1]) =>
    assessmentApi.updateSystem(system.id, input),
  );
  const remove = useApiMutation(() =>
    assessmentApi.deleteSystem(system.id, { version: system.version, withAssessments: assessmentCount > 0 }),
  );
  const confirmDelete = () => {
    const question =
      assessmentCount > 0
        ? t('manage.deleteSystemWithAssessments', { name: system.name, count: assessmentCount })
        : t('manage.deleteSystem', { name: system.name });
    if (window.confirm(question)) remove.mutate(undefined);
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        version: system.version,
        name: String(form.get('name')).trim(),
        criticality: String(form.get('criticality')) as IotSystem['criticality'],
        business: String(form.get('business') ?? '').trim(),
        internetFacing: form.get('internetFacing') === 'on',
      },
      { onSuccess: () => setEditing(false) },
    );
  };
  return (
    <>
      <span className="row-actions">
        {canEdit && !editing && (
          <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-system">
            {t('manage.edit')}
          </button>
        )}
        {canDelete && (
          <button type="button" className="link-button danger" onClick={confirmDelete} data-testid="delete-system">
            {t('manage.delete')}
          </button>
        )}
      </span>
      {editing && (
        <form onSubmit={submit} className="stacked-form wide edit-panel" aria-label={t('manage.editSystem')}>
          <label>
            {t('assessment.systemName')}
            <input name="name" required maxLength={200} defaultValue={system.name} />
          </label>
          <label>
            {t('assessment.criticality')}
            <select name="criticality" defaultValue={system.criticality}>
              {CRITICALITIES.map((criticality) => (
                <option key={criticality} value={criticality}>
                  {t(`criticality.${criticality}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('assessment.business')}
            <input name="business" maxLength={1000} defaultValue={system.business} />
          </label>
          <label className="checkbox">
            <input type="checkbox" name="internetFacing" defaultChecked={system.internetFacing} />
            {t('assessment.internetFacing')}
          </label>
          <SaveCancel saving={update.isPending} error={update.error} onCancel={() => setEditing(false)} />
        </form>
      )}
      <FormError error={remove.error} />
    </>
  );
}
