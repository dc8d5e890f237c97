import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { useProviders } from '../inventory/providers-api';
import { questionnaireApi, questionnaireKeys, useQuestionnaireItems } from './questionnaire-api';

/**
 * Puts items of the assessment to a provider: who (free text or an inventory provider), the
 * language, how long the link lasts, and which items (the provider questions are pre-checked).
 */
export function CreateQuestionnaireForm({
  assessmentId,
  onCreated,
}: {
  assessmentId: string;
  onCreated: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const permissions = usePermissions();
  const items = useQuestionnaireItems(assessmentId);
  const providers = useProviders();
  const canPickProvider = permissions.can('inventory.read');
  // Until the assessor changes the choice, it is the provider questions.
  const [picked, setPicked] = useState<Set<string>>();
  const [providerId, setProviderId] = useState('');
  const [providerName, setProviderName] = useState('');
  const [error, setError] = useState<unknown>();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const defaults = useMemo(
    () => new Set(items.data?.items.filter((item) => item.providerQuestion).map((item) => item.itemId) ?? []),
    [items.data],
  );
  const chosen = picked ?? defaults;
  const toggle = (itemId: string) =>
    setPicked((previous) => {
      const next = new Set(previous ?? defaults);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    try {
      const created = await questionnaireApi.create(assessmentId, {
        language: form.get('language') === 'en' ? 'en' : 'ja',
        ...(providerId ? { providerId } : {}),
        ...(providerName.trim() ? { providerName: providerName.trim() } : {}),
        itemIds: [...chosen],
        expiresInDays: Number(form.get('expiresInDays')),
      });
      onCreated(created.path);
      await queryClient.invalidateQueries({ queryKey: questionnaireKeys.ofAssessment(assessmentId) });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <details className="entry-form card" open data-testid="questionnaire-create">
      <summary>{t('questionnaires.create')}</summary>
      <form className="stacked-form wide" onSubmit={(event) => void submit(event)}>
        {canPickProvider && (providers.data?.providers.length ?? 0) > 0 && (
          <label>
            {t('questionnaires.pickProvider')}
            <select
              value={providerId}
              onChange={(event) => {
                setProviderId(event.target.value);
                const picked = providers.data?.providers.find((provider) => provider.id === event.target.value);
                if (picked) setProviderName(picked.name);
              }}
              data-testid="questionnaire-provider-pick"
            >
              <option value="">{t('questionnaires.noProviderPicked')}</option>
              {providers.data?.providers.map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('questionnaires.providerName')}
          <input
            value={providerName}
            onChange={(event) => setProviderName(event.target.value)}
            maxLength={200}
            required={!providerId}
            data-testid="questionnaire-provider-name"
          />
        </label>
        <label>
          {t('questionnaires.language')}
          <select name="language" defaultValue={language} data-testid="questionnaire-language">
            <option value="ja">{t('language.ja')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
        <label>
          {t('questionnaires.expiresInDays')}
          <input name="expiresInDays" type="number" min={1} max={90} defaultValue={14} required />
        </label>
        <fieldset className="questionnaire-items">
          <legend>
            {t('questionnaires.items')} <span className="chip-count">{chosen.size}</span>
          </legend>
          <p className="muted">{t('questionnaires.itemsHelp')}</p>
          <ul className="checklist" data-testid="questionnaire-items">
            {items.data?.items.map((item) => (
              <li key={item.itemId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.has(item.itemId)}
                    onChange={() => toggle(item.itemId)}
                    data-testid={`questionnaire-item-${item.number}`}
                  />
                  {t('questionnaires.itemNumber', { number: item.number })} {item.title[language]}
                  {item.providerQuestion && <span className="badge">{t('questionnaires.providerItem')}</span>}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button
          type="submit"
          className="primary"
          disabled={chosen.size === 0}
          data-testid="questionnaire-create-submit"
        >
          {t('questionnaires.createSubmit')}
        </button>
        <FormError error={error} />
      </form>
    </details>
  );
}
