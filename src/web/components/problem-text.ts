import { useTranslation } from 'react-i18next';
import type { Problem } from '../../contracts/problem.schema';
import { ApiError } from '../api/api-client';
import { formatBytes } from './format-bytes';

/** One located reason of a problem body (`errors[]`). */
export type ProblemReason = NonNullable<Problem['errors']>[number];

/** The problem's located reasons, or none when the error is not an API error. */
export function problemReasons(error: unknown): readonly ProblemReason[] {
  return error instanceof ApiError ? (error.problem.errors ?? []) : [];
}

/** The reasons that concern one form field (`field`, or a schema path ending in it). */
export function reasonsForField(error: unknown, field: string): readonly ProblemReason[] {
  return problemReasons(error).filter((reason) => reason.field === field);
}

/** Byte limits read better as "25.0 MB" than as a count of bytes. */
const BYTE_LIMIT_CODES = new Set(['file_too_large']);

/**
 * Says a located reason in the reader's language: by its stable `code` (errors.reasons.<code>,
 * blanks filled from `params`), else by a `reason` that is itself a known code (password rules),
 * else the server's English reason, naming the field so it still points somewhere.
 */
export function useReasonText(): (reason: ProblemReason) => string {
  const { t, i18n } = useTranslation();
  return (reason) => {
    const params: Record<string, string | number> = { ...reason.params };
    if (reason.code && BYTE_LIMIT_CODES.has(reason.code) && typeof params.limit === 'number')
      params.limit = formatBytes(params.limit);
    if (reason.code && i18n.exists(`errors.reasons.${reason.code}`)) return t(`errors.reasons.${reason.code}`, params);
    if (i18n.exists(`errors.reasons.${reason.reason}`)) return t(`errors.reasons.${reason.reason}`);
    return reason.field ? `${reason.field}: ${reason.reason}` : reason.reason;
  };
}
