import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../i18n/use-localized';
import { circled, itemLabel } from '../checksheet/checksheet-types';
import { RESULT_OPTIONS, type Result } from './assessment-model';
import { ConflictPanel } from './conflict-panel';
import { DebouncedInput, DebouncedTextArea } from './debounced-field';
import { EvidenceSection } from './evidence-section';
import { FindingsSection } from './findings-section';
import { SystemInventoryFactsPanel } from '../inventory/system-inventory-facts-panel';
import { MachineEvidencePanel } from '../vulnerabilities/machine-evidence-panel';
import { HistorySection } from './history-section';
import type { ItemRowData } from './item-table';
import type { People } from './people';
import { ReviewSection } from './review-section';
import { RowSaveState } from './save-indicator';
import type { AnswerSaver } from './use-answer-saver';

export interface FocusRequest {
  readonly itemId: string;
  readonly target: 'heading' | 'justification';
  readonly nonce: number;
}

interface ItemDrawerProps {
  assessmentId: string;
  row: ItemRowData;
  saver: AnswerSaver;
  people: People;
  editable: boolean;
  /** N/A was chosen but not saved yet: it waits for its justification. */
  naIntent: boolean;
  onNaIntent: () => void;
  onNaDone: () => void;
  focusRequest: FocusRequest | undefined;
  onClose: () => void;
}

/**
 * Everything about one item beside the list: answer and justification, check points, assignee and
 * due date, evidence, findings, review and history, with the item's explanation and CSF 2.0 links.
 * A non-modal dialog: the list stays usable, Escape closes and focus returns to the row.
 */
export function ItemDrawer({
  assessmentId,
  row,
  saver,
  people,
  editable,
  naIntent,
  onNaIntent,
  onNaDone,
  focusRequest,
  onClose,
}: ItemDrawerProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { fn, category, item, answer } = row;
  const heading = useRef<HTMLHeadingElement>(null);
  const justification = useRef<HTMLTextAreaElement>(null);
  // 'empty': N/A waits for a reason; 'restored': an emptied reason was put back (N/A cannot be saved without one).
  const [naMissing, setNaMissing] = useState<false | 'empty' | 'restored'>(false);
  const number = itemLabel(item.code);
  const shownResult: Result = naIntent ? 'not_applicable' : answer.result;
  const conflict = saver.conflicts[item.id];

  useEffect(() => {
    if (!focusRequest) return;
    (focusRequest.target === 'justification' ? justification.current : heading.current)?.focus();
  }, [focusRequest]);

  const keyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    event.stopPropagation();
    onClose();
  };

  const chooseResult = (result: Result) => {
    if (result === 'not_applicable') {
      if (answer.justification.trim()) saver.change(item.id, { result });
      else {
        onNaIntent();
        justification.current?.focus();
      }
      return;
    }
    if (naIntent) onNaDone();
    setNaMissing(false);
    saver.change(item.id, { result });
  };

  const commitJustification = (text: string) => {
    if (shownResult === 'not_applicable' && !text.trim()) {
      setNaMissing(naIntent ? 'empty' : 'restored');
      return;
    }
    setNaMissing(false);
    if (naIntent) {
      saver.change(item.id, { result: 'not_applicable', justification: text });
      onNaDone();
    } else saver.change(item.id, { justification: text });
  };

  const checkState = (checkId: string) => answer.checks[checkId] ?? { done: false, note: '' };
  const setCheck = (checkId: string, patch: Partial<{ done: boolean; note: string }>) =>
    saver.change(item.id, { checks: { ...answer.checks, [checkId]: { ...checkState(checkId), ...patch } } });

  return (
    <aside
      role="dialog"
      aria-modal="false"
      aria-labelledby="drawer-heading"
      className="item-drawer"
      // Focusable itself, so a click on plain text inside still keeps keys (Escape) within the drawer;
      // capture phase, so no control inside can swallow Escape first.
      tabIndex={-1}
      onKeyDownCapture={keyDown}
      data-testid="item-drawer"
    >
      <header className="drawer-header">
        <div>
          <p className="muted drawer-path">
            {localized(fn.title)} ({fn.code}) › {localized(category.title)} ({category.code})
          </p>
          <h2 id="drawer-heading" ref={heading} tabIndex={-1}>
            <span className="item-number">{number}</span> {localized(item.title)}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('assessment.drawer.close')}
          data-testid="drawer-close"
        >
          ×
        </button>
      </header>

      {conflict && (
        <ConflictPanel
          conflict={conflict}
          nameOf={people.nameOf}
          onResolve={(choice) => saver.resolve(item.id, choice)}
        />
      )}

      <section aria-labelledby="answer-heading" className="drawer-section">
        <div className="section-title">
          <h3 id="answer-heading">{t('assessment.drawer.answer')}</h3>
          <RowSaveState state={saver.states[item.id]} onRetry={() => saver.retry(item.id)} testId="drawer-save-state" />
        </div>
        <label className="field">
          {t('assessment.drawer.result')}
          <select
            value={shownResult}
            disabled={!editable}
            onChange={(event) => chooseResult(event.target.value as Result)}
            data-testid="drawer-result"
          >
            {RESULT_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`results.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {t('assessment.drawer.justification')}
            {shownResult === 'not_applicable' && (
              <span className="required"> {t('assessment.drawer.requiredForNa')}</span>
            )}
          </span>
          <DebouncedTextArea
            ref={justification}
            value={answer.justification}
            onCommit={commitJustification}
            rows={3}
            maxLength={4000}
            readOnly={!editable}
            aria-invalid={naMissing === 'empty' || undefined}
            aria-describedby={shownResult === 'not_applicable' ? 'na-help' : undefined}
            data-testid="drawer-justification"
          />
        </label>
        {shownResult === 'not_applicable' && (
          <p id="na-help" className={naMissing ? 'form-error' : 'muted'} role={naMissing ? 'alert' : undefined}>
            {naMissing === 'restored'
              ? t('assessment.drawer.naRestored')
              : naMissing
                ? t('assessment.drawer.naMissing')
                : naIntent
                  ? t('assessment.drawer.naPending')
                  : t('assessment.drawer.naHelp')}
          </p>
        )}
        <label className="field">
          {t('assessment.drawer.comment')}
          <DebouncedTextArea
            value={answer.comment}
            onCommit={(comment) => saver.change(item.id, { comment })}
            rows={3}
            maxLength={8000}
            readOnly={!editable}
            data-testid="drawer-comment"
          />
        </label>
        <div className="field-row">
          <label className="field">
            {t('assessment.drawer.assignee')}
            <select
              value={answer.assigneeUserId ?? ''}
              disabled={!editable}
              onChange={(event) => saver.change(item.id, { assigneeUserId: event.target.value || null })}
              data-testid="drawer-assignee"
            >
              <option value="">{t('assessment.unassigned')}</option>
              {people.meId && <option value={people.meId}>{t('assessment.me')}</option>}
              {people.members
                .filter((member) => member.userId !== people.meId)
                .map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.displayName}
                  </option>
                ))}
              {answer.assigneeUserId &&
                answer.assigneeUserId !== people.meId &&
                !people.members.some((member) => member.userId === answer.assigneeUserId) && (
                  <option value={answer.assigneeUserId}>{t('assessment.otherMember')}</option>
                )}
            </select>
          </label>
          <label className="field">
            {t('assessment.drawer.due')}
            <input
              type="date"
              value={answer.dueDate ?? ''}
              disabled={!editable}
              onChange={(event) => saver.change(item.id, { dueDate: event.target.value || null })}
              data-testid="drawer-due"
            />
          </label>
        </div>
      </section>

      <section aria-labelledby="checks-heading-drawer" className="drawer-section">
        <h3 id="checks-heading-drawer">{t('checksheet.checks')}</h3>
        <ol className="check-states">
          {item.children.map((check, index) => {
            const state = checkState(check.id);
            return (
              <li key={check.id} data-testid="drawer-check">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={state.done}
                    disabled={!editable}
                    onChange={(event) => setCheck(check.id, { done: event.target.checked })}
                  />
                  <span>
                    <span aria-hidden="true">{circled(index)}</span> {localized(check.title)}
                  </span>
                </label>
                <DebouncedInput
                  value={state.note}
                  onCommit={(note) => setCheck(check.id, { note })}
                  maxLength={2000}
                  readOnly={!editable}
                  placeholder={t('assessment.drawer.checkNote')}
                  aria-label={t('assessment.drawer.checkNoteFor', { index: index + 1 })}
                  className="check-note"
                />
              </li>
            );
          })}
        </ol>
      </section>

      <EvidenceSection assessmentId={assessmentId} itemId={item.id} editable={editable} />
      <SystemInventoryFactsPanel assessmentId={assessmentId} itemId={item.id} editable={editable} />
      <MachineEvidencePanel assessmentId={assessmentId} itemId={item.id} />
      <FindingsSection assessmentId={assessmentId} itemId={item.id} editable={editable} />
      <ReviewSection assessmentId={assessmentId} answer={answer} saver={saver} people={people} />

      {item.explanation && (
        <details className="drawer-section" open>
          <summary>
            <h3>{t('checksheet.explanation')}</h3>
          </summary>
          <h4>{t('checksheet.why')}</h4>
          <p>{localized(item.explanation.why)}</p>
          <h4>{t('checksheet.consider')}</h4>
          <p>{localized(item.explanation.consider)}</p>
          {item.explanation.note && (
            <>
              <h4>{t('checksheet.note')}</h4>
              <p>{localized(item.explanation.note)}</p>
            </>
          )}
        </details>
      )}
      <details className="drawer-section">
        <summary>
          <h3>{t('checksheet.csf20')}</h3>
        </summary>
        {item.csf20 && item.csf20.length > 0 ? (
          <ul className="csf-links">
            {item.csf20.map((link) => (
              <li key={link.id}>
                <strong>{link.code}</strong> {localized(link.title)}{' '}
                <span className="tag">{t(`relationships.${link.relationship}`)}</span>
                <p className="muted">{localized(link.rationale)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('checksheet.csf20Empty')}</p>
        )}
      </details>
      <HistorySection assessmentId={assessmentId} itemId={item.id} nameOf={people.nameOf} />
    </aside>
  );
}
