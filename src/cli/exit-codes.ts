import type { ErrorCode } from '../core/domain-error';

/** The one table from error code to process exit code (sysexits-style where one fits). */
export const EXIT_CODE_BY_ERROR: Readonly<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 65,
  NOT_FOUND: 66,
  CATALOG_NODE_NOT_FOUND: 66,
  FRAMEWORK_NOT_FOUND: 66,
  CONFLICT: 75,
  SYSTEM_HAS_ASSESSMENTS: 65,
  LAST_OWNER: 75,
  ASSESSMENT_CLOSED: 75,
  SELF_APPROVAL: 77,
  UNAUTHENTICATED: 77,
  FORBIDDEN: 77,
  OWNER_ONLY: 77,
  REAUTHENTICATION_REQUIRED: 77,
  PASSWORD_CHANGE_REQUIRED: 77,
  TOTP_MANDATORY: 77,
  PAYLOAD_TOO_LARGE: 65,
  RATE_LIMITED: 75,
  CONFIG_INVALID: 78,
  CATALOG_INVALID: 78,
  DATABASE_UNAVAILABLE: 69,
  STORAGE_FULL: 74,
  INTERNAL: 70,
  AUDIT_CHAIN_BROKEN: 65,
};

/** Wrong command line (unknown command, missing argument). */
export const EXIT_USAGE = 64;

/** Stopped by the operator (Ctrl-C, SIGINT) after cleaning up: 128 + 2, as shells report it. */
export const EXIT_INTERRUPTED = 130;

/** Ends a command with this exit code after it has said why itself (not an error). */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}
