import { probeEvidence } from '../../probes/probe-evidence';
import type { Actor } from '../../../core/auth/actor';
import { addMonths } from '../../../core/inventory/device-filter';
import type {
  MachineEvidenceEntryView,
  MachineEvidenceView,
} from '../../../contracts/vulnerabilities/machine-evidence.schema';
import { firmwareStanding } from '../../../core/vulnerabilities/firmware-behind';
import { listLatestFirmware } from '../../../db/vulnerabilities/latest-firmware.repository';
import { findLastMatchedAt } from '../../../db/vulnerabilities/triage-view.repository';
import { requireAssessment } from '../../assessments/require-assessment';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from '../views/list-matches';
import { loadTriagedMatches } from '../views/triaged-matches';

const MAX_ADVISORIES = 20;

/**
 * Machine evidence for an assessment of a system (jssec-v2 only): item 36 gets the life-cycle
 * facts of the system's devices in service (support ended, ending within 6 months, end of life
 * passed; source inventory, observed today); items 39 and 47 get its open matches, open KEV
 * matches and matches triaged exploitable (source the last match run, with its time and the
 * advisories' tracking ids); item 40 gets the devices whose firmware is behind the latest known
 * version of their model (source the latest-firmware records, observed when the newest of those
 * used was recorded), with the devices whose firmware cannot be compared and those whose model has
 * no record counted apart, never guessed. Triage counts at once: not_affected, resolved and false_positive are
 * not open. Another organisation's assessment → NOT_FOUND.
 */
export async function getMachineEvidence(
  deps: VulnerabilityDeps,
  input: { readonly actor: Actor; readonly assessmentId: string },
): Promise<MachineEvidenceView> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const assessment = await requireAssessment(db, organisationId, input.assessmentId);
  if (assessment.frameworkId !== 'jssec-v2') return { systemId: assessment.systemId, items: {} };
  const now = deps.clock();
  const today = now.toISOString().slice(0, 10);
  const devices = await db
    .selectFrom('device as v')
    .innerJoin('device_system as s', (join) => join.onRef('s.device_id', '=', 'v.id'))
    .select(['v.id', 'v.support_until', 'v.end_of_life', 'v.manufacturer', 'v.model', 'v.firmware_version'])
    .where('s.organisation_id', '=', organisationId)
    .where('s.system_id', '=', assessment.systemId)
    .where('v.organisation_id', '=', organisationId)
    .where('v.status', 'not in', ['retired', 'disposed'])
    .execute();
  const total = devices.length;
  const soon = addMonths(today, 6);
  const count = (test: (device: (typeof devices)[number]) => boolean) => devices.filter(test).length;
  const lifecycle = (key: string, value: number): MachineEvidenceEntryView => ({
    key,
    count: value,
    total,
    concern: value > 0,
    source: 'inventory',
    observedAt: now.toISOString(),
  });
  const item36 = [
    lifecycle(
      'supportEnded',
      count((d) => d.support_until !== null && d.support_until < today),
    ),
    lifecycle(
      'supportEnding6m',
      count((d) => d.support_until !== null && d.support_until >= today && d.support_until <= soon),
    ),
    lifecycle(
      'endOfLife',
      count((d) => d.end_of_life !== null && d.end_of_life < today),
    ),
  ];

  const item40 = await firmwareFacts(db, organisationId, devices, total);

  const matches = await loadTriagedMatches(deps.database, organisationId, { systemId: assessment.systemId });
  const lastMatchedAt = await findLastMatchedAt(db, organisationId);
  const open = matches.filter((match) => match.open);
  const fact = (key: string, selected: typeof matches): MachineEvidenceEntryView => ({
    key,
    count: new Set(selected.map((match) => match.deviceId)).size,
    total,
    concern: selected.length > 0,
    source: 'vulnerability-match',
    observedAt: lastMatchedAt,
    advisories: [...new Set(selected.map((match) => match.trackingId))].sort().slice(0, MAX_ADVISORIES),
  });
  const vulnerabilityFacts = [
    fact('openMatches', open),
    fact(
      'openKevMatches',
      open.filter((match) => match.kev),
    ),
    fact(
      'exploitable',
      matches.filter((match) => match.status === 'exploitable'),
    ),
  ];
  const items: Record<string, MachineEvidenceEntryView[]> = {
    'jssec-v2:36': item36,
    'jssec-v2:39': vulnerabilityFacts,
    'jssec-v2:40': item40,
    'jssec-v2:47': vulnerabilityFacts,
  };
  // Probe results (items 23, 24, 25, 26, 32, 47) come after the facts above for the same item.
  const probes = await probeEvidence(
    deps.database,
    organisationId,
    devices.map((device) => device.id),
  );
  for (const [itemId, entries] of Object.entries(probes)) items[itemId] = [...(items[itemId] ?? []), ...entries];
  return { systemId: assessment.systemId, items };
}

/**
 * Item 40: devices behind the latest known firmware of their model (manufacturer + model, trimmed,
 * exact), devices whose firmware cannot be compared with it, and devices whose model has no record.
 */
async function firmwareFacts(
  db: VulnerabilityDeps['database']['db'],
  organisationId: string,
  devices: readonly { manufacturer: string; model: string; firmware_version: string }[],
  total: number,
): Promise<MachineEvidenceEntryView[]> {
  const records = new Map(
    (await listLatestFirmware(db, organisationId)).map((row) => [`${row.manufacturer}\u001f${row.model}`, row]),
  );
  let behind = 0;
  let unknown = 0;
  let unrecorded = 0;
  let observedAt: string | null = null;
  for (const device of devices) {
    const record = records.get(`${device.manufacturer.trim()}\u001f${device.model.trim()}`);
    if (!record) {
      unrecorded += 1;
      continue;
    }
    if (observedAt === null || record.updated_at > observedAt) observedAt = record.updated_at;
    const standing = firmwareStanding(device.firmware_version, record.version);
    if (standing === 'behind') behind += 1;
    else if (standing === 'unknown') unknown += 1;
  }
  const entry = (key: string, count: number, concern: boolean): MachineEvidenceEntryView => ({
    key,
    count,
    total,
    concern,
    source: 'latest-firmware',
    observedAt,
  });
  return [
    entry('firmwareBehind', behind, behind > 0),
    entry('firmwareNotComparable', unknown, false),
    entry('firmwareLatestUnrecorded', unrecorded, false),
  ];
}
