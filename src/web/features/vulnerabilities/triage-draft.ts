import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import { JUSTIFICATION_LIST } from './vulnerability-vocabulary';
import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';

/** Who a triage decision is about: every device of a model, or one device. */
export type TriageTarget =
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | { readonly kind: 'device'; readonly deviceId: string };

/** The triage form as typed: strings, so an empty field is ''. */
export interface TriageDraft {
  readonly status: TriageStatus;
  readonly justification: NotAffectedJustification | '';
  readonly detail: string;
  readonly owner: string;
  readonly due: string;
}

/** The body of PUT /api/vulnerabilities/triage. */
export interface TriageRequest {
  readonly advisoryId: string;
  readonly target: TriageTarget;
  readonly status: TriageStatus;
  readonly justification?: NotAffectedJustification;
  readonly detail?: string;
  readonly owner?: string;
  readonly due?: string;
  readonly expectedVersion?: number;
}

/** Form problems by field, as i18n keys under `vulnerabilities.triage.errors`. */
export type TriageErrors = Partial<Record<'justification' | 'due', 'justificationRequired' | 'dueInvalid'>>;

/** A form filled from an existing decision, or a fresh one (in triage). */
export function draftOf(triage: TriageView | null | undefined): TriageDraft {
  return {
    status: triage?.status ?? 'in_triage',
    justification: triage?.justification ?? '',
    detail: triage?.detail ?? '',
    owner: triage?.owner ?? '',
    due: triage?.due?.slice(0, 10) ?? '',
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with a draft: not_affected needs a justification; a due date is a real day. */
export function validateTriage(draft: TriageDraft): TriageErrors {
  const errors: TriageErrors = {};
  if (draft.status === 'not_affected' && !JUSTIFICATION_LIST.includes(draft.justification as never))
    errors.justification = 'justificationRequired';
  if (draft.due !== '' && (!DAY.test(draft.due) || Number.isNaN(Date.parse(`${draft.due}T00:00:00Z`))))
    errors.due = 'dueInvalid';
  return errors;
}

/**
 * The request for a valid draft, fields named one by one: a justification is only sent with
 * not_affected (the others have none), empty texts are left out.
 */
export function triageRequest(
  advisoryId: string,
  target: TriageTarget,
  draft: TriageDraft,
  expectedVersion?: number,
): TriageRequest {
  const detail = draft.detail.trim();
  const owner = draft.owner.trim();
  return {
    advisoryId,
    target,
    status: draft.status,
    ...(draft.status === 'not_affected' && draft.justification ? { justification: draft.justification } : {}),
    ...(detail ? { detail } : {}),
    ...(owner ? { owner } : {}),
    ...(draft.due ? { due: draft.due } : {}),
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  };
}
