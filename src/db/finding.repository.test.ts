import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { seedOrganisation } from '../testing/test-accounts';
import { seedAssessmentRow } from '../testing/test-assessment-rows';
import { describeEachDialect } from '../testing/test-database';
import { findAssessmentScope } from './assessment-scope.repository';
import {
  findFinding,
  insertFinding,
  listFindingRecords,
  updateFindingRecord,
  type FindingRecord,
} from './finding.repository';

function newFinding(
  organisationId: string,
  assessmentId: string,
  overrides: Partial<FindingRecord> = {},
): FindingRecord {
  return {
    id: randomUUID(),
    organisationId,
    assessmentId,
    itemId: 'jssec-v2:25',
    deviceId: null,
    issue: 'Telnet open on the cameras',
    impact: 'Remote takeover',
    recommendation: 'Disable telnet',
    priority: 'high',
    ownerName: 'Facilities',
    dueDate: '2026-12-31',
    status: 'open',
    acceptedBy: null,
    acceptedReason: null,
    version: 1,
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    ...overrides,
  };
}

describeEachDialect('finding repository', (database) => {
  it('stores findings per assessment and organisation', async () => {
    const alpha = await seedOrganisation(database(), 'Alpha');
    const beta = await seedOrganisation(database(), 'Beta');
    const assessmentId = await seedAssessmentRow(database(), alpha);
    const first = newFinding(alpha, assessmentId, { createdAt: '2026-11-22T09:00:00.000Z' });
    const second = newFinding(alpha, assessmentId, { createdAt: '2026-11-22T10:00:00.000Z', priority: 'low' });
    await insertFinding(database().db, second);
    await insertFinding(database().db, first);
    expect(await listFindingRecords(database().db, alpha, assessmentId)).toEqual([first, second]);
    expect(await listFindingRecords(database().db, beta, assessmentId)).toEqual([]);
    expect(await findFinding(database().db, beta, first.id)).toBeUndefined();
  });

  it('updates only from the expected version, and bumps it', async () => {
    const organisation = await seedOrganisation(database(), 'Updater');
    const assessmentId = await seedAssessmentRow(database(), organisation);
    const finding = newFinding(organisation, assessmentId);
    await insertFinding(database().db, finding);
    const changes = {
      ...finding,
      status: 'accepted_risk' as const,
      acceptedBy: 'user-1',
      acceptedReason: 'Isolated VLAN',
      updatedAt: '2026-11-23T00:00:00.000Z',
    };
    expect(await updateFindingRecord(database().db, organisation, finding.id, 1, changes)).toBe(true);
    expect(await updateFindingRecord(database().db, organisation, finding.id, 1, { ...changes, status: 'open' })).toBe(
      false,
    );
    expect(await findFinding(database().db, organisation, finding.id)).toEqual({
      ...finding,
      status: 'accepted_risk',
      acceptedBy: 'user-1',
      acceptedReason: 'Isolated VLAN',
      version: 2,
      updatedAt: '2026-11-23T00:00:00.000Z',
    });
  });

  it('reads an assessment scope only within its organisation', async () => {
    const alpha = await seedOrganisation(database(), 'Scope');
    const beta = await seedOrganisation(database(), 'Scope2');
    const assessmentId = await seedAssessmentRow(database(), alpha, { status: 'done' });
    expect(await findAssessmentScope(database().db, alpha, assessmentId)).toEqual({
      id: assessmentId,
      frameworkId: 'jssec-v2',
      status: 'done',
    });
    expect(await findAssessmentScope(database().db, beta, assessmentId)).toBeUndefined();
  });
});
