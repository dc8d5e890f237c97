import type { Migration } from 'kysely';
import * as catalogVersion from './20261122-0001-catalog-version';
import * as accounts from './20261122-0002-accounts';
import * as auditEvent from './20261122-0003-audit-event';
import * as assessments from './20261122-0004-assessments';
import * as separateReviewer from './20261201-0010-separate-reviewer';
import * as accountSecurity from './20261201-0101-account-security';
import * as inventory from './20261202-0001-inventory';
import * as jobs from './20261203-0001-jobs';
import * as questionnaires from './20261203-0002-questionnaires';
import * as advisories from './20261204-0001-advisories';
import * as vulnerabilityMatches from './20261204-0002-vulnerability-matches';
import * as vulnerabilityTriage from './20261204-0003-vulnerability-triage';
import * as incidents from './20261204-0004-incidents';
import * as probes from './20261205-0001-probes';
import * as deviceUpdatedIndex from './20261205-0002-device-updated-index';
import * as storedFiles from './20261205-0003-stored-files';
import * as probeReasonCodes from './20261206-0002-probe-reason-codes';
import * as deviceIdentityWithoutFk from './20261207-0001-device-identity-without-fk';
import * as vulnerabilityMatchWithoutFks from './20261207-0002-vulnerability-match-without-fks';

/**
 * Every migration, oldest first. Append only: a migration that has landed is never edited;
 * a change is a new file listed here. Names sort by time so both dialects apply them in order.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '20261122-0001-catalog-version': catalogVersion,
  '20261122-0002-accounts': accounts,
  '20261122-0003-audit-event': auditEvent,
  '20261122-0004-assessments': assessments,
  '20261201-0010-separate-reviewer': separateReviewer,
  '20261201-0101-account-security': accountSecurity,
  '20261202-0001-inventory': inventory,
  '20261203-0001-jobs': jobs,
  '20261203-0002-questionnaires': questionnaires,
  '20261204-0001-advisories': advisories,
  '20261204-0002-vulnerability-matches': vulnerabilityMatches,
  '20261204-0003-vulnerability-triage': vulnerabilityTriage,
  '20261204-0004-incidents': incidents,
  '20261205-0001-probes': probes,
  '20261205-0002-device-updated-index': deviceUpdatedIndex,
  '20261205-0003-stored-files': storedFiles,
  '20261206-0002-probe-reason-codes': probeReasonCodes,
  '20261207-0001-device-identity-without-fk': deviceIdentityWithoutFk,
  '20261207-0002-vulnerability-match-without-fks': vulnerabilityMatchWithoutFks,
};
