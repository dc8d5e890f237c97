import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { beforeEach, expect, it } from 'vitest';
import { ANONYMOUS } from '../../../core/auth/actor';
import { csafProblems } from '../../../integrations/feeds/csaf/validate-csaf';
import { seedLinkedDevice } from '../../../testing/seed-linked-device';
import { seedTestAdvisory } from '../../../testing/seed-vuln-advisory';
import { createTestClock } from '../../../testing/test-app';
import { domainErrorOf, seedAssessmentTeam, type MemberActor } from '../../../testing/test-assessments';
import { describeEachDialect, type TestDatabase } from '../../../testing/test-database';
import { setTriage } from '../triage/set-triage';
import { exportVex } from './export-vex';

/** An advisory the organisation uploaded, with the given CVEs and one CVSS 3.1 score. */
function putAdvisory(
  database: TestDatabase,
  organisationId: string,
  trackingId: string,
  cves: string[],
  title: string,
) {
  return seedTestAdvisory(database, organisationId, {
    source: trackingId.startsWith('CVE-') ? 'nvd' : 'jvn',
    trackingId,
    title,
    cves,
    severity: 'critical',
    score: {
      version: '3.1',
      baseScore: 9.8,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      level: 'critical',
    },
    references: [`https://example.test/${trackingId}`],
    rules: [],
  });
}

describeEachDialect('exportVex', (database) => {
  const clock = createTestClock(new Date('2026-12-01T00:00:00.000Z'));
  const deps = () => ({ database: database(), clock, publicUrl: 'https://iotcheck.example.test/' });
  let owner: MemberActor;
  let viewer: MemberActor;
  let deviceId: string;
  beforeEach(async () => {
    let organisationId: string;
    ({ organisationId, owner, viewer } = await seedAssessmentTeam(database(), 'Plant'));
    deviceId = await seedLinkedDevice(database(), organisationId, {
      fields: { manufacturer: 'Acme', model: 'CAM-100', firmwareVersion: '1.2', assetTag: 'CAM-7' },
    });
    const nvd = await putAdvisory(
      database(),
      organisationId,
      'CVE-2026-0001',
      ['CVE-2026-0001'],
      'Camera web UI overflow',
    );
    const jvn = await putAdvisory(
      database(),
      organisationId,
      'JVNVU#90000001',
      ['CVE-2026-0002', 'CVE-2026-0003'],
      'Gateway flaws',
    );
    const deviceTarget = { kind: 'device' as const, deviceId };
    const modelTarget = { kind: 'model' as const, manufacturer: 'Acme', model: 'CAM-100' };
    await setTriage(deps(), {
      actor: owner,
      change: {
        advisoryId: nvd,
        target: modelTarget,
        status: 'not_affected',
        justification: 'code_not_reachable',
        detail: 'The web UI is disabled on this model.',
      },
    });
    await setTriage(deps(), {
      actor: owner,
      change: { advisoryId: nvd, target: deviceTarget, status: 'exploitable', detail: 'Web UI enabled on CAM-7.' },
    });
    await setTriage(deps(), { actor: owner, change: { advisoryId: jvn, target: modelTarget, status: 'resolved' } });
    await setTriage(deps(), {
      actor: owner,
      change: { advisoryId: jvn, target: deviceTarget, status: 'false_positive' },
    });
  });

  it('writes CycloneDX 1.6 VEX that the CycloneDX validator accepts, with the triage carried over', async () => {
    const file = await exportVex(deps(), { actor: viewer, format: 'cyclonedx' });
    expect(file.fileName).toMatch(/-vex-2026-12-01\.cdx\.json$/);
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(file.content)).toBeNull();
    const bom = JSON.parse(file.content) as {
      components: { 'bom-ref': string; name: string; version?: string }[];
      vulnerabilities: {
        id: string;
        references?: { id: string }[];
        ratings: { score: number; method: string }[];
        affects: { ref: string }[];
        analysis: { state: string; justification?: string; detail?: string };
      }[];
    };
    expect(bom.components).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ 'bom-ref': 'model:Acme/CAM-100', name: 'CAM-100' }),
        expect.objectContaining({ 'bom-ref': `device:${deviceId}`, name: 'CAM-100', version: '1.2' }),
      ]),
    );
    const of = (id: string, ref: string) =>
      bom.vulnerabilities.find((v) => v.id === id && v.affects.some((affected) => affected.ref === ref));
    expect(of('CVE-2026-0001', 'model:Acme/CAM-100')?.analysis).toEqual(
      expect.objectContaining({
        state: 'not_affected',
        justification: 'code_not_reachable',
        detail: 'The web UI is disabled on this model.',
      }),
    );
    expect(of('CVE-2026-0001', `device:${deviceId}`)?.analysis.state).toBe('exploitable');
    expect(of('CVE-2026-0001', `device:${deviceId}`)?.ratings[0]).toMatchObject({ score: 9.8, method: 'CVSSv31' });
    const jvn = of('JVNVU#90000001', 'model:Acme/CAM-100');
    expect(jvn?.analysis.state).toBe('resolved');
    expect(jvn?.references?.map((reference) => reference.id)).toEqual(['CVE-2026-0002', 'CVE-2026-0003']);
    expect(of('JVNVU#90000001', `device:${deviceId}`)?.analysis.state).toBe('false_positive');
  });

  it('writes CSAF 2.0 VEX that passes the CSAF schema and mandatory tests, with statuses and flags', async () => {
    const file = await exportVex(deps(), { actor: viewer, format: 'csaf' });
    expect(file.fileName).toMatch(/-vex-2026-12-01\.csaf\.json$/);
    const document = JSON.parse(file.content) as {
      document: { category: string };
      product_tree: { full_product_names: { product_id: string; name: string }[] };
      vulnerabilities: {
        cve?: string;
        product_status: Record<string, string[]>;
        flags?: { label: string; product_ids: string[] }[];
        threats?: { category: string; details: string; product_ids: string[] }[];
        remediations?: { product_ids: string[] }[];
      }[];
    };
    expect(await csafProblems('vex.json', document)).toEqual([]);
    // The validator does check the VEX profile: without impact statements it refuses the document.
    const bare = {
      ...document,
      vulnerabilities: document.vulnerabilities.map(({ threats: _t, flags: _f, ...v }) => v),
    };
    const refused = await csafProblems('vex.json', bare);
    expect(refused.map((problem) => problem.params?.['test'])).toContain('6.1.27.9');
    expect(document.document.category).toBe('csaf_vex');
    const model = document.product_tree.full_product_names.find((entry) => entry.name === 'Acme CAM-100')!.product_id;
    const device = document.product_tree.full_product_names.find((entry) => entry.name.includes('CAM-7'))!.product_id;
    expect(model).not.toBe(device);
    const cve = (id: string) => document.vulnerabilities.find((v) => v.cve === id)!;
    expect(cve('CVE-2026-0001').product_status).toEqual({ known_affected: [device], known_not_affected: [model] });
    expect(cve('CVE-2026-0001').flags).toEqual([
      { label: 'vulnerable_code_not_in_execute_path', product_ids: [model] },
    ]);
    expect(cve('CVE-2026-0001').threats?.[0]?.details).toContain('The web UI is disabled on this model.');
    expect(cve('CVE-2026-0001').remediations?.[0]?.product_ids).toEqual([device]);
    for (const id of ['CVE-2026-0002', 'CVE-2026-0003']) {
      expect(cve(id).product_status).toEqual({ fixed: [model], known_not_affected: [device] });
      expect(cve(id).threats?.[0]?.details).toContain('false positive');
    }
  });

  it('refuses an actor without vulnerabilities.read', async () => {
    const error = await domainErrorOf(exportVex(deps(), { actor: ANONYMOUS, format: 'csaf' }));
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(error.code);
  });
});
