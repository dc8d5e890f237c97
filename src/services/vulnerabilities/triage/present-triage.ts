import type { TriageView } from '../../../contracts/vulnerabilities/parts.schema';
import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import type { VulnerabilityTriageTable } from '../../../db/vulnerabilities/triage.table';

/** A triage row as the API shows it; `assetTag` names the device of a device triage. */
export function presentTriage(row: VulnerabilityTriageTable, advisoryId: string, assetTag = ''): TriageView {
  return {
    id: row.id,
    advisoryId,
    target:
      row.target_kind === 'device'
        ? {
            kind: 'device',
            deviceId: String(row.device_id),
            assetTag,
            manufacturer: row.manufacturer,
            model: row.model,
          }
        : { kind: 'model', manufacturer: row.manufacturer, model: row.model },
    status: row.status as TriageStatus,
    justification: row.justification as NotAffectedJustification | null,
    detail: row.detail,
    owner: row.owner,
    due: row.due,
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
