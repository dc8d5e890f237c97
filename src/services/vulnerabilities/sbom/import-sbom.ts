import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import { findDeviceIdByAssetTag, findDeviceRow } from '../../../db/inventory/device.repository';
import { deleteSbomsOfTarget, insertSbom } from '../../../db/vulnerabilities/sbom.repository';
import { readSbomFile, type ParsedSbom } from '../../../integrations/sbom/read-sbom-file';
import type { RequestContext } from '../../auth/account-deps';
import { requireOrganisation } from '../../accounts/require-user';
import { recordAudit } from '../../audit/record-audit';
import type { VulnerabilityDeps } from '../vulnerability-deps';

/** What an SBOM describes: every device of a model, or one device (by id, or by asset tag from the CLI). */
export type SbomTarget =
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'device'; readonly assetTag: string };

/** What one SBOM import stored. */
export interface SbomImportResult {
  readonly id: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly deviceId: string | null;
  readonly format: ParsedSbom['format'];
  readonly specVersion: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly componentCount: number;
  /** Components with a purl or a CPE: what matching can use. */
  readonly identifiedComponents: number;
  /** True when an earlier SBOM of the same target was replaced. */
  readonly replaced: boolean;
  readonly importedAt: string;
}

const MAX_NAME = 200;

/**
 * Imports an SBOM (CycloneDX 1.4–1.6 JSON/XML, SPDX 2.3) for a model or one device of the actor's
 * organisation, replacing an earlier SBOM of the same target, audited (`sbom.import`) in the same
 * transaction. The whole file is validated first: an invalid one is refused with located
 * problems (VALIDATION_FAILED) and nothing is stored. The next match run sees the components'
 * purls and CPEs (the SBOM set's fingerprint changes). Needs inventory.import.
 */
export async function importSbom(
  deps: VulnerabilityDeps,
  input: {
    readonly actor: Actor;
    readonly file: string;
    readonly fileName: string;
    readonly target: SbomTarget;
    readonly context?: RequestContext;
  },
): Promise<SbomImportResult> {
  const { actor, organisationId } = requireOrganisation(input.actor);
  if (!can(actor, 'inventory.import', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not import SBOMs in this organisation.');
  const db = deps.database.db;
  const subject = await resolveTarget(deps, organisationId, input.target);
  const parsed = await readSbomFile(input.file);
  const sha256 = createHash('sha256')
    .update(await readFile(input.file))
    .digest('hex');
  const at = deps.clock();
  const id = randomUUID();
  const result: SbomImportResult = {
    id,
    manufacturer: subject.manufacturer,
    model: subject.model,
    deviceId: subject.deviceId === null ? null : String(subject.deviceId),
    format: parsed.format,
    specVersion: parsed.specVersion,
    fileName: input.fileName,
    sha256,
    componentCount: parsed.components.length,
    identifiedComponents: parsed.components.filter((component) => component.purl || component.cpe).length,
    replaced: false,
    importedAt: at.toISOString(),
  };
  const replaced = await db.transaction().execute(async (transaction) => {
    const removed = await deleteSbomsOfTarget(
      transaction,
      organisationId,
      subject.deviceId === null
        ? { manufacturer: subject.manufacturer, model: subject.model }
        : { deviceId: subject.deviceId },
    );
    await insertSbom(
      transaction,
      {
        id,
        organisation_id: organisationId,
        manufacturer: subject.manufacturer,
        model: subject.model,
        device_id: subject.deviceId,
        format: parsed.format,
        spec_version: parsed.specVersion,
        file_name: input.fileName,
        sha256,
        component_count: parsed.components.length,
        imported_by: actor.via === 'cli' ? `cli:${actor.email}` : actor.email,
        imported_at: result.importedAt,
      },
      parsed.components.map((component, position) => ({
        sbom_id: id,
        position,
        name: component.name,
        version: component.version,
        purl: component.purl ?? null,
        cpe: component.cpe ?? null,
      })),
    );
    await recordAudit(transaction, input.actor, input.context, at, {
      organisationId,
      action: 'sbom.import',
      targetType: subject.deviceId === null ? 'model' : 'device',
      targetId:
        subject.deviceId === null ? `${subject.manufacturer} ${subject.model}`.trim() : String(subject.deviceId),
      after: {
        fileName: input.fileName,
        format: parsed.format,
        specVersion: parsed.specVersion,
        components: parsed.components.length,
        sha256,
        replaced: removed.length,
      },
    });
    return removed.length > 0;
  });
  return { ...result, replaced };
}

async function resolveTarget(
  deps: VulnerabilityDeps,
  organisationId: string,
  target: SbomTarget,
): Promise<{ manufacturer: string; model: string; deviceId: number | null }> {
  const db = deps.database.db;
  if (target.kind === 'model') {
    const manufacturer = target.manufacturer.trim();
    const model = target.model.trim();
    const problems = [
      ...(model === '' ? [{ field: 'model', reason: 'required' }] : []),
      ...(model.length > MAX_NAME ? [{ field: 'model', reason: `at most ${MAX_NAME} characters` }] : []),
      ...(manufacturer.length > MAX_NAME ? [{ field: 'manufacturer', reason: `at most ${MAX_NAME} characters` }] : []),
    ];
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The SBOM target is not valid.', problems);
    return { manufacturer, model, deviceId: null };
  }
  const id =
    'assetTag' in target ? await findDeviceIdByAssetTag(db, organisationId, target.assetTag) : Number(target.deviceId);
  const device = id !== undefined && Number.isSafeInteger(id) ? await findDeviceRow(db, organisationId, id) : undefined;
  if (!device)
    throw new DomainError('NOT_FOUND', 'No such device.', [
      'assetTag' in target
        ? { field: 'device', reason: `no device with asset tag ${target.assetTag}` }
        : { field: 'deviceId', reason: 'no such device' },
    ]);
  return { manufacturer: device.manufacturer.trim(), model: device.model.trim(), deviceId: Number(device.id) };
}
