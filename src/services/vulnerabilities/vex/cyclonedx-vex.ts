import type { AdvisoryScore } from '../../../core/vulnerabilities/advisory.types';
import { targetRef, type VexDocumentInfo, type VexStatement, type VexTarget } from './vex-statement';

// CycloneDX 1.6 VEX: the models and devices are components (type device); each advisory becomes
// one vulnerability per distinct analysis, whose `affects` lists the components that share it.
// Our triage statuses and not_affected justifications are CycloneDX's own vocabulary, so they
// carry over unchanged.

const SOURCE_NAMES: Readonly<Record<string, string>> = { nvd: 'NVD', jvn: 'JVN', csaf: 'CSAF', osv: 'OSV' };
const CVSS_METHODS: Readonly<Record<AdvisoryScore['version'], string>> = {
  '2.0': 'CVSSv2',
  '3.0': 'CVSSv3',
  '3.1': 'CVSSv31',
  '4.0': 'CVSSv4',
};

/** The CycloneDX 1.6 VEX document (a JSON object) of the statements. */
export function buildCycloneDxVex(info: VexDocumentInfo, statements: readonly VexStatement[]): Record<string, unknown> {
  const components = new Map<string, Record<string, unknown>>();
  for (const statement of statements) {
    const ref = targetRef(statement.target);
    if (!components.has(ref)) components.set(ref, component(ref, statement.target));
  }
  const vulnerabilities = new Map<string, { entry: Record<string, unknown>; affects: { ref: string }[] }>();
  for (const statement of statements) {
    const { advisory } = statement;
    const key = JSON.stringify([
      advisory.source,
      advisory.trackingId,
      statement.status,
      statement.justification,
      statement.detail,
    ]);
    let group = vulnerabilities.get(key);
    if (!group) {
      group = { entry: vulnerability(statement, vulnerabilities.size + 1), affects: [] };
      vulnerabilities.set(key, group);
    }
    group.affects.push({ ref: targetRef(statement.target) });
    const analysis = group.entry['analysis'] as Record<string, unknown>;
    if (statement.createdAt < (analysis['firstIssued'] as string)) analysis['firstIssued'] = statement.createdAt;
    if (statement.updatedAt > (analysis['lastUpdated'] as string)) analysis['lastUpdated'] = statement.updatedAt;
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${info.serial}`,
    version: 1,
    metadata: {
      timestamp: info.generatedAt.toISOString(),
      tools: { components: [{ type: 'application', name: 'iotcheck' }] },
      supplier: { name: info.organisationName },
    },
    components: [...components.values()],
    vulnerabilities: [...vulnerabilities.values()].map(({ entry, affects }) => ({ ...entry, affects })),
  };
}

function component(ref: string, target: VexTarget): Record<string, unknown> {
  return {
    type: 'device',
    'bom-ref': ref,
    manufacturer: { name: target.manufacturer },
    name: target.model,
    ...(target.kind === 'device' && target.firmwareVersion ? { version: target.firmwareVersion } : {}),
    ...(target.kind === 'device' ? { properties: [{ name: 'iotcheck:assetTag', value: target.assetTag }] } : {}),
  };
}

function vulnerability(statement: VexStatement, index: number): Record<string, unknown> {
  const { advisory } = statement;
  // One CVE: it is the id, and the advisory's tracking id a reference; else the tracking id.
  const cves = [...new Set(advisory.cves)];
  const id = cves.length === 1 ? cves[0]! : advisory.trackingId;
  const others = [advisory.trackingId, ...cves].filter((other, at, all) => other !== id && all.indexOf(other) === at);
  const source = SOURCE_NAMES[advisory.source] ?? advisory.source;
  const url = advisory.references.find((reference) => /^https?:\/\//.test(reference));
  const ratings =
    advisory.scores.length > 0
      ? advisory.scores.map((score) => ({
          source: { name: source },
          score: score.baseScore,
          severity: score.level,
          method: CVSS_METHODS[score.version],
          vector: score.vector,
        }))
      : advisory.severityLevel
        ? [{ source: { name: source }, severity: advisory.severityLevel }]
        : [];
  return {
    'bom-ref': `vex-${index}`,
    id,
    source: { name: source, ...(url ? { url } : {}) },
    ...(others.length > 0
      ? {
          references: others.map((other) => ({
            id: other,
            source: { name: other.startsWith('CVE-') ? 'NVD' : source },
          })),
        }
      : {}),
    ...(ratings.length > 0 ? { ratings } : {}),
    ...(advisory.title ? { description: advisory.title } : {}),
    analysis: {
      state: statement.status,
      ...(statement.justification ? { justification: statement.justification } : {}),
      ...(statement.detail ? { detail: statement.detail } : {}),
      firstIssued: statement.createdAt,
      lastUpdated: statement.updatedAt,
    },
  };
}
