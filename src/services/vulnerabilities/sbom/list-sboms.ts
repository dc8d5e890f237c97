import type { Actor } from '../../../core/auth/actor';
import { can } from '../../../core/auth/policy';
import { DomainError } from '../../../core/domain-error';
import type {
  SbomComponentPageView,
  SbomComponentView,
  SbomView,
} from '../../../contracts/vulnerabilities/sbom.schema';
import { findDeviceRow } from '../../../db/inventory/device.repository';
import type { SbomTable } from '../../../db/vulnerabilities/advisory.table';
import { findSbomRow, listSbomComponentRows, listSbomRows } from '../../../db/vulnerabilities/sbom.repository';
import { requireOrganisation } from '../../accounts/require-user';
import type { VulnerabilityDeps } from '../vulnerability-deps';

/** Which SBOMs to list: all of the organisation's, one model's, or those that apply to one device. */
export type SbomListTarget =
  | { readonly kind: 'all' }
  | { readonly kind: 'model'; readonly manufacturer: string; readonly model: string }
  | { readonly kind: 'device'; readonly deviceId: string };

const COMPONENT_PAGE = 200;

/** An SBOM row as the API shows it. */
export function presentSbom(row: SbomTable): SbomView {
  return {
    id: row.id,
    manufacturer: row.manufacturer,
    model: row.model,
    deviceId: row.device_id === null ? null : String(row.device_id),
    format: row.format === 'spdx' ? 'spdx' : 'cyclonedx',
    specVersion: row.spec_version,
    fileName: row.file_name,
    sha256: row.sha256,
    componentCount: row.component_count,
    importedAt: row.imported_at,
  };
}

/** Model names as matching compares them: trimmed, case folded (see match-identity). */
const sameModel = (row: SbomTable, manufacturer: string, model: string) =>
  row.manufacturer.trim().toLowerCase() === manufacturer.trim().toLowerCase() &&
  row.model.trim().toLowerCase() === model.trim().toLowerCase();

function requireInventoryReader(actor: Actor): string {
  const { actor: user, organisationId } = requireOrganisation(actor);
  if (!can(user, 'inventory.read', { organisationId }))
    throw new DomainError('FORBIDDEN', 'You may not see the inventory of this organisation.');
  return organisationId;
}

/**
 * The organisation's SBOMs (inventory.read). For a model: its model-wide SBOMs, names compared as
 * matching compares them. For a device: the device's own SBOMs first, then its model's — matching
 * uses the model's only while the device has none of its own. An unknown or foreign device is
 * NOT_FOUND.
 */
export async function listSboms(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly target: SbomListTarget },
): Promise<{ items: SbomView[] }> {
  const organisationId = requireInventoryReader(input.actor);
  const db = deps.database.db;
  const { target } = input;
  if (target.kind === 'all')
    return { items: (await listSbomRows(db, organisationId, { kind: 'all' })).map(presentSbom) };
  if (target.kind === 'model') {
    const rows = await listSbomRows(db, organisationId, { kind: 'models' });
    return { items: rows.filter((row) => sameModel(row, target.manufacturer, target.model)).map(presentSbom) };
  }
  const id = Number(target.deviceId);
  const device = Number.isSafeInteger(id) ? await findDeviceRow(db, organisationId, id) : undefined;
  if (!device) throw new DomainError('NOT_FOUND', 'No such device.');
  const own = await listSbomRows(db, organisationId, { deviceId: id });
  const models = (await listSbomRows(db, organisationId, { kind: 'models' })).filter((row) =>
    sameModel(row, device.manufacturer, device.model),
  );
  return { items: [...own, ...models].map(presentSbom) };
}

/**
 * One page of an SBOM's components in file order, after position `after` (inventory.read). An
 * SBOM of another organisation is NOT_FOUND.
 */
export async function listSbomComponents(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly sbomId: string; readonly after?: number; readonly limit?: number },
): Promise<SbomComponentPageView> {
  const organisationId = requireInventoryReader(input.actor);
  const db = deps.database.db;
  const sbom = await findSbomRow(db, organisationId, input.sbomId);
  if (!sbom) throw new DomainError('NOT_FOUND', 'No such SBOM.');
  const limit = input.limit ?? COMPONENT_PAGE;
  const rows = await listSbomComponentRows(db, sbom.id, input.after ?? -1, limit + 1);
  const shown = rows.slice(0, limit);
  const items: SbomComponentView[] = shown.map((row) => ({
    position: row.position,
    name: row.name,
    version: row.version,
    purl: row.purl,
    cpe: row.cpe,
  }));
  return {
    sbom: presentSbom(sbom),
    items,
    nextAfter: rows.length > limit ? (shown[shown.length - 1]?.position ?? null) : null,
  };
}
