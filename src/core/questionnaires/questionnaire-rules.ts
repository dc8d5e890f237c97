import type { Catalog } from '../catalog/catalog.types';
import { listFrameworkItems } from '../assessment/framework-items';
import { DomainError } from '../domain-error';
import type { QuestionnaireRecord, QuestionnaireState } from './questionnaire.types';

/** A link lasts two weeks unless the assessor says otherwise, and never more than 90 days. */
export const DEFAULT_EXPIRY_DAYS = 14;
export const MAX_EXPIRY_DAYS = 90;
/** The most a provider may write beside one answer. */
export const MAX_FREE_TEXT = 4000;
/** The longest provider name. */
export const MAX_PROVIDER_NAME = 200;

/** The state a reader sees at `now`: an open questionnaire past its expiry is `expired`. */
export function questionnaireState(
  record: Pick<QuestionnaireRecord, 'status' | 'expiresAt'>,
  now: Date,
): QuestionnaireState {
  if (record.status !== 'open') return record.status;
  return Date.parse(record.expiresAt) <= now.getTime() ? 'expired' : 'open';
}

/** The items of a framework that concern providers (tags.providerQuestion), in sheet order. */
export function providerQuestionItemIds(catalog: Catalog, frameworkId: string): string[] {
  return listFrameworkItems(catalog, frameworkId)
    .filter((item) => catalog.nodes.get(item.itemId)?.tags?.providerQuestion === true)
    .map((item) => item.itemId);
}

/**
 * The chosen items, checked against the framework and put in sheet order (duplicates dropped).
 * An id outside the framework is a located VALIDATION_FAILED; an empty choice too.
 */
export function orderQuestionnaireItems(catalog: Catalog, frameworkId: string, itemIds: readonly string[]): string[] {
  const items = listFrameworkItems(catalog, frameworkId).map((item) => item.itemId);
  const known = new Set(items);
  const unknown = itemIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is not an item' : 'are not items'} of ${frameworkId}.`,
      unknown.map((id) => ({ field: 'itemIds', value: id, reason: `not an item of ${frameworkId}` })),
    );
  const chosen = new Set(itemIds);
  if (chosen.size === 0)
    throw new DomainError('VALIDATION_FAILED', 'Choose at least one item to ask about.', [
      { field: 'itemIds', reason: 'is empty', code: 'missing' },
    ]);
  return items.filter((id) => chosen.has(id));
}

/** The expiry of a new link `days` after `now`; days must be a whole number from 1 to MAX_EXPIRY_DAYS. */
export function questionnaireExpiry(now: Date, days: number = DEFAULT_EXPIRY_DAYS): Date {
  if (!Number.isInteger(days) || days < 1 || days > MAX_EXPIRY_DAYS)
    throw new DomainError('VALIDATION_FAILED', `A link lasts 1 to ${MAX_EXPIRY_DAYS} days.`, [
      { field: 'expiresInDays', value: String(days), reason: `must be 1 to ${MAX_EXPIRY_DAYS}` },
    ]);
  return new Date(now.getTime() + days * 86_400_000);
}
