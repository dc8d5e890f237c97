import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import {
  MAX_PROVIDER_NAME,
  orderQuestionnaireItems,
  providerQuestionItemIds,
  questionnaireExpiry,
} from '../../core/questionnaires/questionnaire-rules';
import type { QuestionnaireRecord } from '../../core/questionnaires/questionnaire.types';
import { findProvider } from '../../db/inventory/provider.repository';
import { insertQuestionnaire } from '../../db/questionnaires/questionnaire.repository';
import { requireOrganisation } from '../accounts/require-user';
import { requireAssessment } from '../assessment-scope/require-assessment-item';
import { recordAudit } from '../audit/record-audit';
import type { RequestContext } from '../auth/account-deps';
import type { QuestionnaireDeps } from './questionnaire-deps';
import { toQuestionnaireView, type QuestionnaireView } from './questionnaire-view';

/** What the assessor chooses; every field but the language has a default. */
export interface QuestionnaireChoice {
  readonly language: 'ja' | 'en';
  /** A provider of the inventory; its name is used unless `providerName` is given. */
  readonly providerId?: string;
  readonly providerName?: string;
  /** Default: the framework's items tagged providerQuestion. */
  readonly itemIds?: readonly string[];
  /** Default 14, at most 90. */
  readonly expiresInDays?: number;
}

/** A new questionnaire and its link. The token is in `path` only: it is never stored or shown again. */
export interface CreatedQuestionnaire {
  readonly questionnaire: QuestionnaireView;
  readonly token: string;
  /** The web path the provider opens, `/questionnaires/respond/<token>`. */
  readonly path: string;
}

/**
 * Puts items of an assessment to a provider: stores the questionnaire with the sha256 of a random
 * 32-byte token and returns the link once. The assessment must be open for evidence (not done or
 * archived). Audited in the same transaction, without the token.
 */
export async function createQuestionnaire(
  deps: QuestionnaireDeps,
  input: { actor: Actor; assessmentId: string; choice: QuestionnaireChoice; context?: RequestContext },
): Promise<CreatedQuestionnaire> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  const { choice } = input;
  const assessment = await requireAssessment(
    deps.database,
    organisationId,
    input.assessmentId,
    'change-evidence-links',
  );
  const provider =
    choice.providerId === undefined
      ? undefined
      : await findProvider(deps.database.db, organisationId, choice.providerId);
  if (choice.providerId !== undefined && !provider)
    throw new DomainError('VALIDATION_FAILED', 'No such provider in the inventory.', [
      { field: 'providerId', reason: 'unknown in this organisation' },
    ]);
  const providerName = (choice.providerName ?? provider?.name ?? '').trim();
  if (providerName === '')
    throw new DomainError('VALIDATION_FAILED', 'Name the provider the questionnaire is for.', [
      { field: 'providerName', reason: 'is empty', code: 'blank' },
    ]);
  if (providerName.length > MAX_PROVIDER_NAME)
    throw new DomainError('VALIDATION_FAILED', `A provider name has at most ${MAX_PROVIDER_NAME} characters.`, [
      { field: 'providerName', reason: 'too long', code: 'max_length', params: { max: MAX_PROVIDER_NAME } },
    ]);
  const itemIds =
    choice.itemIds === undefined
      ? providerQuestionItemIds(deps.catalog, assessment.frameworkId)
      : orderQuestionnaireItems(deps.catalog, assessment.frameworkId, choice.itemIds);
  if (itemIds.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose at least one item to ask about.', [
      { field: 'itemIds', reason: 'is empty', code: 'missing' },
    ]);
  const now = deps.clock();
  const token = randomBytes(32).toString('base64url');
  const record: QuestionnaireRecord = {
    id: randomUUID(),
    organisationId,
    assessmentId: assessment.id,
    providerId: provider?.id ?? null,
    providerName,
    language: choice.language,
    itemIds,
    expiresAt: questionnaireExpiry(now, choice.expiresInDays).toISOString(),
    status: 'open',
    createdBy: actor.userId || null,
    createdAt: now.toISOString(),
    submittedBy: null,
    submittedAt: null,
    revokedAt: null,
  };
  await deps.database.db.transaction().execute(async (transaction) => {
    await insertQuestionnaire(transaction, record, hashSecret(token));
    await recordAudit(transaction, actor, input.context, now, {
      organisationId,
      action: 'questionnaire.create',
      targetType: 'questionnaire',
      targetId: record.id,
      after: {
        assessmentId: record.assessmentId,
        providerName,
        language: record.language,
        items: itemIds.length,
        expiresAt: record.expiresAt,
      },
    });
  });
  return { questionnaire: toQuestionnaireView(record, now, 0), token, path: `/questionnaires/respond/${token}` };
}
