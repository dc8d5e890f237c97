import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/form-error';
import { useStakeholders } from '../inventory/stakeholders-api';
import { CHECKLIST_KINDS, type ChecklistKind, type Playbook, type PlaybookInput } from './incident-types';
import { incidentApi, useIncidentMutation } from './incidents-api';

type StepDraft = { title: string; ownerStakeholderId: string; expectedMinutes: string };
type Bilingual = { ja: string; en: string };
type Draft = {
  title: string;
  steps: StepDraft[];
  contactIds: string[];
  firstReportTemplate: Bilingual;
  checklists: Record<ChecklistKind, Bilingual[]>;
};

function draftOf(playbook: Playbook | undefined): Draft {
  return {
    title: playbook?.title ?? '',
    steps: (playbook?.steps ?? [{ title: '', ownerStakeholderId: null, expectedMinutes: null }]).map((step) => ({
      title: step.title,
      ownerStakeholderId: step.ownerStakeholderId ?? '',
      expectedMinutes: step.expectedMinutes === null ? '' : String(step.expectedMinutes),
    })),
    contactIds: [...(playbook?.contactIds ?? [])],
    firstReportTemplate: { ...(playbook?.firstReportTemplate ?? { ja: '', en: '' }) },
    checklists: {
      regulator: [...(playbook?.checklists.regulator ?? [])],
      customer: [...(playbook?.checklists.customer ?? [])],
      ipa_jpcert: [...(playbook?.checklists.ipa_jpcert ?? [])],
    },
  };
}

/** The playbook body for the API from the form: blank rows dropped, minutes as integers. */
export function playbookInput(systemId: string, draft: Draft): PlaybookInput {
  const filled = (item: Bilingual) => item.ja.trim() !== '' || item.en.trim() !== '';
  return {
    systemId,
    title: draft.title.trim(),
    steps: draft.steps
      .filter((step) => step.title.trim() !== '')
      .map((step) => ({
        title: step.title.trim(),
        ownerStakeholderId: step.ownerStakeholderId || null,
        expectedMinutes: step.expectedMinutes === '' ? null : Number(step.expectedMinutes),
      })),
    contactIds: draft.contactIds,
    firstReportTemplate: draft.firstReportTemplate,
    checklists: {
      regulator: draft.checklists.regulator.filter(filled),
      customer: draft.checklists.customer.filter(filled),
      ipa_jpcert: draft.checklists.ipa_jpcert.filter(filled),
    },
  };
}

/** Creates or replaces a playbook of one system: steps with owners, contacts, first report, checklists. */
export function PlaybookForm({
  systemId,
  playbook,
  onDone,
}: {
  systemId: string;
  playbook?: Playbook;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const stakeholders = useStakeholders('system', systemId).data?.stakeholders ?? [];
  const [draft, setDraft] = useState<Draft>(() => draftOf(playbook));
  const save = useIncidentMutation((input: PlaybookInput) =>
    playbook
      ? incidentApi.replacePlaybook(playbook.id, { ...input, expectedVersion: playbook.version })
      : incidentApi.createPlaybook(input),
  );
  const setStep = (index: number, patch: Partial<StepDraft>) =>
    setDraft({ ...draft, steps: draft.steps.map((step, at) => (at === index ? { ...step, ...patch } : step)) });
  const setChecklist = (kind: ChecklistKind, items: Bilingual[]) =>
    setDraft({ ...draft, checklists: { ...draft.checklists, [kind]: items } });
  const toggleContact = (id: string) =>
    setDraft({
      ...draft,
      contactIds: draft.contactIds.includes(id)
        ? draft.contactIds.filter((other) => other !== id)
        : [...draft.contactIds, id],
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(playbookInput(systemId, draft), { onSuccess: onDone });
  };
  return (
    <form className="panel playbook-form" onSubmit={submit} data-testid="playbook-form">
      <label className="field">
        {t('incidents.playbooks.name')}
        <input
          required
          maxLength={200}
          value={draft.title}
          onChange={(event) => setDraft({ ...draft, title: event.target.value })}
          data-testid="playbook-title"
        />
      </label>
      <fieldset>
        <legend>{t('incidents.playbooks.steps')}</legend>
        <ol className="playbook-step-drafts">
          {draft.steps.map((step, index) => (
            <li key={index} className="inline-fields">
              <label className="field grow">
                {t('incidents.playbooks.stepTitle')}
                <input
                  maxLength={300}
                  value={step.title}
                  onChange={(event) => setStep(index, { title: event.target.value })}
                  data-testid="playbook-step-title"
                />
              </label>
              <label className="field">
                {t('incidents.playbooks.stepOwner')}
                <select
                  value={step.ownerStakeholderId}
                  onChange={(event) => setStep(index, { ownerStakeholderId: event.target.value })}
                >
                  <option value="">{t('incidents.playbooks.unassigned')}</option>
                  {stakeholders.map((stakeholder) => (
                    <option key={stakeholder.id} value={stakeholder.id}>
                      {stakeholder.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field minutes-field">
                {t('incidents.playbooks.expectedMinutes')}
                <input
                  type="number"
                  min={0}
                  max={100000}
                  value={step.expectedMinutes}
                  onChange={(event) => setStep(index, { expectedMinutes: event.target.value })}
                />
              </label>
              <button
                type="button"
                className="link-button danger"
                onClick={() => setDraft({ ...draft, steps: draft.steps.filter((_, at) => at !== index) })}
              >
                {t('incidents.playbooks.removeStep')}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="link-button"
          onClick={() =>
            setDraft({ ...draft, steps: [...draft.steps, { title: '', ownerStakeholderId: '', expectedMinutes: '' }] })
          }
          data-testid="playbook-add-step"
        >
          {t('incidents.playbooks.addStep')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('incidents.playbooks.contacts')}</legend>
        {stakeholders.length === 0 ? (
          <p className="muted">{t('incidents.playbooks.noStakeholders')}</p>
        ) : (
          stakeholders.map((stakeholder) => (
            <label key={stakeholder.id} className="checkbox">
              <input
                type="checkbox"
                checked={draft.contactIds.includes(stakeholder.id)}
                onChange={() => toggleContact(stakeholder.id)}
              />
              {stakeholder.name}
              <span className="muted">
                {stakeholder.deputyName
                  ? t('incidents.playbooks.deputy', { name: stakeholder.deputyName })
                  : t('incidents.playbooks.noDeputy')}
              </span>
            </label>
          ))
        )}
      </fieldset>
      <fieldset>
        <legend>{t('incidents.playbooks.firstReport')}</legend>
        <div className="bilingual-fields">
          {(['ja', 'en'] as const).map((language) => (
            <label key={language} className="field">
              {t(language === 'ja' ? 'incidents.playbooks.checklistJa' : 'incidents.playbooks.checklistEn')}
              <textarea
                rows={5}
                maxLength={20000}
                value={draft.firstReportTemplate[language]}
                onChange={(event) =>
                  setDraft({
                    ...draft,
                    firstReportTemplate: { ...draft.firstReportTemplate, [language]: event.target.value },
                  })
                }
              />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('incidents.playbooks.checklists')}</legend>
        {CHECKLIST_KINDS.map((kind) => (
          <div key={kind} className="checklist-draft">
            <h4>{t(`incidents.playbooks.checklistKinds.${kind}`)}</h4>
            {draft.checklists[kind].map((item, index) => (
              <div key={index} className="bilingual-fields">
                {(['ja', 'en'] as const).map((language) => (
                  <label key={language} className="field">
                    {t(language === 'ja' ? 'incidents.playbooks.checklistJa' : 'incidents.playbooks.checklistEn')}
                    <input
                      maxLength={1000}
                      value={item[language]}
                      onChange={(event) =>
                        setChecklist(
                          kind,
                          draft.checklists[kind].map((other, at) =>
                            at === index ? { ...other, [language]: event.target.value } : other,
                          ),
                        )
                      }
                    />
                  </label>
                ))}
              </div>
            ))}
            <button
              type="button"
              className="link-button"
              onClick={() => setChecklist(kind, [...draft.checklists[kind], { ja: '', en: '' }])}
            >
              {t('incidents.playbooks.addChecklistItem')}
            </button>
          </div>
        ))}
      </fieldset>
      <FormError error={save.error} />
      <div className="form-buttons">
        <button type="submit" disabled={save.isPending} data-testid="playbook-save">
          {t('incidents.playbooks.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('incidents.playbooks.cancel')}
        </button>
      </div>
    </form>
  );
}
