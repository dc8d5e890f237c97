import type { MachineEvidenceEntryView } from '../../contracts/vulnerabilities/machine-evidence.schema';
import type { ProbeEvidenceView } from '../../contracts/probes';
import type { ProbeCheck } from '../../core/probes/observation';
import type { Database } from '../../db/database';
import { latestDeviceObservations } from '../../db/probes/probe-run.repository';

/** The checksheet items probe observations speak to. */
export const PROBE_EVIDENCE_ITEMS = ['23', '24', '25', '26', '32', '47'].map((n) => `jssec-v2:${n}`);
const MAX_FAILING = 20;

/**
 * Machine evidence from probes for a system's devices in service: per item, over the latest results
 * of each device per check, how many observations passed, failed or were inconclusive, and which
 * devices failed (asset tag, check, first finding, date). `count` = devices with a failure,
 * `total` = the devices in service. Items no observation speaks to get no entry.
 */
export async function probeEvidence(
  database: Database,
  organisationId: string,
  deviceIds: readonly (string | number)[],
): Promise<Record<string, MachineEvidenceEntryView[]>> {
  const rows = await latestDeviceObservations(database.db, organisationId, deviceIds);
  const items: Record<string, MachineEvidenceEntryView[]> = {};
  for (const itemId of PROBE_EVIDENCE_ITEMS) {
    const about = rows.filter((row) => (JSON.parse(row.items) as string[]).includes(itemId));
    if (about.length === 0) continue;
    const failed = about.filter((row) => row.result === 'fail');
    const newest = about.reduce((a, b) => ((b.run_finished_at ?? '') > (a.run_finished_at ?? '') ? b : a));
    const probe: ProbeEvidenceView = {
      runId: newest.run_id,
      runFinishedAt: newest.run_finished_at ?? newest.observed_at,
      pass: about.filter((row) => row.result === 'pass').length,
      fail: failed.length,
      inconclusive: about.filter((row) => row.result === 'inconclusive').length,
      devices: new Set(about.map((row) => String(row.device_id))).size,
      failing: failed.slice(0, MAX_FAILING).map((row) => ({
        deviceId: String(row.device_id),
        assetTag: row.asset_tag ?? '',
        check: row.check_name as ProbeCheck,
        finding: (JSON.parse(row.findings) as string[])[0] ?? '',
        port: row.port,
        runId: row.run_id,
        observedAt: row.observed_at,
      })),
    };
    items[itemId] = [
      {
        key: 'probeResults',
        count: new Set(failed.map((row) => String(row.device_id))).size,
        total: deviceIds.length,
        concern: failed.length > 0,
        source: 'probe-run',
        observedAt: probe.runFinishedAt,
        probe,
      },
    ];
  }
  return items;
}
