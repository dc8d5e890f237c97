import type { Actor, UserActor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { hashSecret } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import type { QuestionnaireRecord } from '../../core/questionnaires/questionnaire.types';
import type { Database } from '../../db/database';
import { findQuestionnaire, findQuestionnaireByTokenHash } from '../../db/questionnaires/questionnaire.repository';
import { requireOrganisation } from '../accounts/require-user';

/** The organisation's questionnaire, or NOT_FOUND (also for another organisation's id). */
export async function requireQuestionnaire(
  database: Pick<Database, 'db'>,
  organisationId: string,
  questionnaireId: string,
): Promise<QuestionnaireRecord> {
  const record = await findQuestionnaire(database.db, organisationId, questionnaireId);
  if (!record) throw new DomainError('NOT_FOUND', 'No such questionnaire.');
  return record;
}

/**
 * The questionnaire a provider's link opens. Only a member with the provider role in the
 * questionnaire's organisation may use a link (FORBIDDEN otherwise); the token is compared by its
 * sha256 within the actor's organisation, so an unknown, mistyped or foreign token is NOT_FOUND.
 */
export async function requireQuestionnaireByToken(
  database: Pick<Database, 'db'>,
  input: Actor,
  token: string,
): Promise<{ actor: UserActor; organisationId: string; record: QuestionnaireRecord }> {
  const { actor, organisationId } = requireOrganisation(input);
  if (!can(actor, 'questionnaires.respond', { organisationId }))
    throw new DomainError('FORBIDDEN', 'Only the provider a questionnaire was sent to may answer it.');
  const record =
    token === '' ? undefined : await findQuestionnaireByTokenHash(database.db, organisationId, hashSecret(token));
  if (!record) throw new DomainError('NOT_FOUND', 'This questionnaire link is not known. Check the link you received.');
  return { actor, organisationId, record };
}
