import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFrameworkTree } from '../../api/catalog-queries';
import { FormError } from '../../components/form-error';
import { useLocalized } from '../../i18n/use-localized';
import { CHECKSHEET_ID, flattenItems, itemLabel } from '../checksheet/checksheet-types';
import type { IncidentDetail, LessonInput } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

type LessonDraft = { itemId: string; lesson: string; recommendation: string; owner: string; due: string };
const BLANK: LessonDraft = { itemId: '', lesson: '', recommendation: '', owner: '', due: '' };

/** A lesson for the API: blank optional fields are left out rather than sent empty. */
export function lessonInput(draft: LessonDraft): LessonInput {
  return {
    itemId: draft.itemId,
    lesson: draft.lesson.trim(),
    recommendation: draft.recommendation.trim(),
    ...(draft.owner.trim() ? { owner: draft.owner.trim() } : {}),
    ...(draft.due ? { due: draft.due } : {}),
  };
}

/**
 * Closes the incident with its lessons learned, each tied to the checksheet item it concerns; the
 * server turns them into findings of the system's next (or currently open) assessment.
 */
export function CloseDialog({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const dialog = useRef<HTMLDialogElement>(null);
  const tree = useFrameworkTree(CHECKSHEET_ID);
  const items = tree.data ? flattenItems(tree.data.functions).map(({ item }) => item) : [];
  const [lessons, setLessons] = useState<LessonDraft[]>([{ ...BLANK }]);
  const [note, setNote] = useState('');
  const close = useIncidentMutation((input: { lessons: LessonInput[]; note?: string }) =>
    incidentApi.close(incident.id, { ...input, expectedVersion: incident.version }),
  );
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const update = (index: number, patch: Partial<LessonDraft>) =>
    setLessons((current) => current.map((lesson, at) => (at === index ? { ...lesson, ...patch } : lesson)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A row left wholly blank is no lesson; a half-filled one goes to the server, which names what is missing.
    const filled = lessons.filter((lesson) => lesson.itemId || lesson.lesson.trim() || lesson.recommendation.trim());
    close.mutate(
      { lessons: filled.map(lessonInput), ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: onClose },
    );
  };
  return (
    <dialog
      ref={dialog}
      className="bulk-dialog close-dialog"
      aria-labelledby="close-heading"
      onCancel={onClose}
      data-testid="close-dialog"
    >
      <form onSubmit={submit}>
        <h2 id="close-heading">{t('incidents.close.title')}</h2>
        <p className="muted">{t('incidents.close.lead')}</p>
        <h3>{t('incidents.close.lessons')}</h3>
        <ol className="lesson-drafts">
          {lessons.map((lesson, index) => (
            <li key={index} className="lesson-draft" data-testid="lesson-draft">
              <label className="field">
                {t('incidents.close.item')}
                <select
                  value={lesson.itemId}
                  onChange={(event) => update(index, { itemId: event.target.value })}
                  data-testid="lesson-item"
                >
                  <option value="">{t('incidents.close.chooseItem')}</option>
                  {items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {itemLabel(item.code)} {localized(item.title)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                {t('incidents.close.lesson')}
                <textarea
                  rows={2}
                  maxLength={4000}
                  value={lesson.lesson}
                  onChange={(event) => update(index, { lesson: event.target.value })}
                  data-testid="lesson-text"
                />
              </label>
              <label className="field">
                {t('incidents.close.recommendation')}
                <textarea
                  rows={2}
                  maxLength={4000}
                  value={lesson.recommendation}
                  onChange={(event) => update(index, { recommendation: event.target.value })}
                  data-testid="lesson-recommendation"
                />
              </label>
              <div className="inline-fields">
                <label className="field">
                  {t('incidents.close.owner')}
                  <input
                    maxLength={200}
                    value={lesson.owner}
                    onChange={(event) => update(index, { owner: event.target.value })}
                    data-testid="lesson-owner"
                  />
                </label>
                <label className="field">
                  {t('incidents.close.due')}
                  <input
                    type="date"
                    value={lesson.due}
                    onChange={(event) => update(index, { due: event.target.value })}
                    data-testid="lesson-due"
                  />
                </label>
                {lessons.length > 1 && (
                  <button
                    type="button"
                    className="link-button danger"
                    onClick={() => setLessons((current) => current.filter((_, at) => at !== index))}
                  >
                    {t('incidents.close.removeLesson')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
        <p>
          <button
            type="button"
            className="link-button"
            onClick={() => setLessons((current) => [...current, { ...BLANK }])}
            data-testid="add-lesson"
          >
            {t('incidents.close.addLesson')}
          </button>{' '}
          <span className="muted">{t('incidents.close.noLessons')}</span>
        </p>
        <label className="field">
          {t('incidents.close.note')}
          <textarea rows={2} maxLength={4000} value={note} onChange={(event) => setNote(event.target.value)} />
        </label>
        <FormError error={close.error} />
        <div className="form-buttons">
          <button type="submit" disabled={close.isPending} data-testid="close-submit">
            {t('incidents.close.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('incidents.close.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
