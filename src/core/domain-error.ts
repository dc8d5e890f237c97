/**
 * Every failure that can reach a user is a DomainError with a stable string code.
 * Edges (HTTP, CLI) map the code once, in their own table, to a status or an exit code.
 * `message` must be safe to show; `details` carries located facts (file, path, field, reason).
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SYSTEM_HAS_ASSESSMENTS'
  | 'LAST_OWNER'
  | 'ASSESSMENT_CLOSED'
  | 'SELF_APPROVAL'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** Only an owner may do this to an owner (reset, role change, removal) or make someone owner. */
  | 'OWNER_ONLY'
  /** Account security needs a browser session that proved the password within the last minutes. */
  | 'REAUTHENTICATION_REQUIRED'
  /** The password was reset: nothing but choosing a new one is allowed, for sessions and tokens alike. */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** An organisation of the user requires two-step sign-in, so it cannot be turned off. */
  | 'TOTP_MANDATORY'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'CONFIG_INVALID'
  | 'CATALOG_INVALID'
  | 'CATALOG_NODE_NOT_FOUND'
  | 'FRAMEWORK_NOT_FOUND'
  | 'DATABASE_UNAVAILABLE'
  | 'STORAGE_FULL'
  | 'AUDIT_CHAIN_BROKEN'
  | 'INTERNAL';

/**
 * One located problem: where (file, path/row/column/field) and why. `reason` is English for logs
 * and terminals; `code` names the reason stably (snake_case, see `ReasonCode`) so a client can say
 * it in the reader's language, with `params` filling its blanks (limits, accepted values).
 */
export interface ProblemDetail {
  readonly file?: string;
  readonly path?: string;
  readonly row?: number;
  readonly column?: number;
  readonly field?: string;
  /** The offending value as the user wrote it (clipped), when showing it helps (imports). */
  readonly value?: string;
  readonly reason: string;
  readonly code?: ReasonCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Stable reason codes a client translates (web: `errors.reasons.<code>`). Add a code here and in
 * both dictionaries; never rename one (clients and scripts match on them).
 */
export type ReasonCode =
  | 'missing'
  | 'blank'
  | 'min_length'
  | 'max_length'
  | 'bad_format'
  | 'not_a_date'
  | 'not_allowed_value'
  | 'unexpected_field'
  | 'invalid_value'
  | 'end_before_start'
  | 'not_member'
  | 'file_missing'
  | 'file_empty'
  | 'file_type'
  | 'file_text_extension'
  | 'file_too_large'
  | 'last_owner'
  | 'assessment_closed'
  | 'self_approval'
  | 'unknown_column'
  | 'duplicate_column'
  | 'duplicate'
  | 'not_a_number'
  | 'not_a_boolean'
  | 'not_an_ip'
  | 'not_a_mac'
  | 'not_a_cpe'
  | 'not_tabular'
  | 'encoding'
  | 'workbook_not_xlsx'
  | 'zip_limits'
  | 'workbook_format'
  | 'workbook_other_organisation'
  | 'workbook_other_assessment'
  | 'workbook_unknown_assessment'
  | 'workbook_catalog'
  | 'workbook_damaged'
  | 'workbook_header'
  | 'workbook_row_moved'
  | 'workbook_row_deleted'
  | 'workbook_row_added'
  | 'workbook_answer_label'
  | 'workbook_conflict'
  | 'workbook_justification'
  /** A probe was asked for outside its scope's time windows (params nextStart, nextEnd: ISO UTC, when any). */
  | 'outside_time_window';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: readonly ProblemDetail[] = [],
    /** Extra members for the problem body, e.g. `current` (the stored record) on a 409 conflict. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/** True for DomainError instances, including ones from another copy of this module. */
export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError || (value instanceof Error && value.name === 'DomainError' && 'code' in value);
}

/** Formats a detail as `file:path: reason` for logs and terminals. */
export function formatProblemDetail(detail: ProblemDetail): string {
  if (detail.row !== undefined && detail.value !== undefined) {
    // A cell of a table file: `row 5, ip_address, "999.1.1.1": not an IP address` (the message names the file).
    const parts = [`row ${detail.row}`, detail.field, `"${detail.value}"`];
    return `${parts.filter((part) => part !== undefined && part !== '').join(', ')}: ${detail.reason}`;
  }
  const where = [
    detail.file,
    detail.row !== undefined ? `row ${detail.row}` : undefined,
    detail.column !== undefined ? `column ${detail.column}` : undefined,
    detail.path,
    detail.field,
  ].filter((part) => part !== undefined && part !== '');
  return where.length > 0 ? `${where.join(': ')}: ${detail.reason}` : detail.reason;
}
