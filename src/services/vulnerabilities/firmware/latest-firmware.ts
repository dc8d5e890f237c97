import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError, type ProblemDetail } from '../../../core/domain-error';
import { checkDay } from '../../../core/inventory/field-checks';
import type { LatestFirmwareView } from '../../../contracts/vulnerabilities/firmware.schema';
import {
  findLatestFirmware,
  listLatestFirmware,
  saveLatestFirmware,
} from '../../../db/vulnerabilities/latest-firmware.repository';
import type { LatestFirmwareTable } from '../../../db/vulnerabilities/triage.table';
import { requireOrganisation } from '../../accounts/require-user';
import type { RequestContext } from '../../auth/account-deps';
import { recordAudit } from '../../audit/record-audit';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from '../views/list-matches';

/** The latest known firmware of one model, as recorded by a member. */
export interface LatestFirmwareChange {
  readonly manufacturer: string;
  readonly model: string;
  readonly version: string;
  readonly releasedOn?: string | null;
  readonly source?: string;
}

/** A latest-firmware row as the API shows it. */
export const presentLatestFirmware = (row: LatestFirmwareTable): LatestFirmwareView => ({
  manufacturer: row.manufacturer,
  model: row.model,
  version: row.version,
  releasedOn: row.released_on,
  source: row.source,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

/**
 * Records (or replaces) the latest firmware the organisation knows of for a model (manufacturer +
 * model, trimmed, compared exactly as devices store them). Needs `vulnerabilities.triage`; blank
 * names or version and a releasedOn that is not a day are refused with the field named. Audited
 * (`vulnerability.latest_firmware`) in the same transaction.
 */
export async function setLatestFirmware(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly change: LatestFirmwareChange; readonly context?: RequestContext },
): Promise<LatestFirmwareView> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'vulnerabilities.triage', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not record firmware versions in this organisation.');
  const manufacturer = input.change.manufacturer.trim();
  const model = input.change.model.trim();
  const version = input.change.version.trim();
  const releasedOn = input.change.releasedOn?.trim() || null;
  const problems: ProblemDetail[] = [];
  for (const [field, value] of [
    ['manufacturer', manufacturer],
    ['model', model],
    ['version', version],
  ] as const)
    if (value === '') problems.push({ field, reason: 'must not be blank', code: 'missing' });
  checkDay(problems, 'releasedOn', releasedOn);
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The firmware record is not valid.', problems);

  const at = deps.clock().toISOString();
  return deps.database.db.transaction().execute(async (transaction) => {
    const existing = await findLatestFirmware(transaction, organisationId, manufacturer, model);
    const row: LatestFirmwareTable = {
      organisation_id: organisationId,
      manufacturer,
      model,
      version,
      released_on: releasedOn,
      source: input.change.source?.trim() ?? '',
      updated_by: actor.email,
      updated_at: at,
    };
    await saveLatestFirmware(transaction, row, existing !== undefined);
    const facts = (record: LatestFirmwareTable) => ({
      version: record.version,
      releasedOn: record.released_on,
      source: record.source,
    });
    await recordAudit(transaction, actor, input.context, new Date(at), {
      organisationId,
      action: 'vulnerability.latest_firmware',
      targetType: 'latest_firmware',
      targetId: `${manufacturer} ${model}`,
      before: existing ? facts(existing) : undefined,
      after: { manufacturer, model, ...facts(row) },
    });
    return presentLatestFirmware(row);
  });
}

/** The organisation's latest-firmware records, by manufacturer and model (`vulnerabilities.read`). */
export async function listLatestFirmwareRecords(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor },
): Promise<{ items: LatestFirmwareView[] }> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  return { items: (await listLatestFirmware(deps.database.db, organisationId)).map(presentLatestFirmware) };
}
