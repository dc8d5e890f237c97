import { beforeEach, expect, it } from 'vitest';
import { listHistoryEntries } from '../../db/inventory/history-entry.repository';
import { seedLinkedDevice } from '../../testing/seed-linked-device';
import { createTestClock } from '../../testing/test-app';
import {
  createTestAssessmentDeps,
  seedAssessment,
  seedAssessmentTeam,
  type MemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createStakeholder } from './create-stakeholder';
import { deleteStakeholder } from './delete-stakeholder';
import { listStakeholders } from './list-stakeholders';
import { updateStakeholder } from './update-stakeholder';

describeEachDialect('stakeholders: roles, deputies, scopes, history and tenant isolation', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let assessor: MemberActor;
  let systemId: string;
  beforeEach(async () => {
    const team = await seedAssessmentTeam(database(), 'Plant');
    ({ organisationId, assessor } = team);
    ({ systemId } = await seedAssessment(createTestAssessmentDeps(database(), clock), team.owner));
  });

  it('records a system owner with a deputy and lists by scope', async () => {
    const owner = await createStakeholder(deps(), {
      actor: assessor,
      stakeholder: {
        role: 'system_owner',
        name: '佐藤 一郎',
        affiliation: '施設管理部',
        contact: 'ichiro@plant.example.jp',
        deputyName: '鈴木 二郎',
        deputyContact: '内線 2345',
        scopeKind: 'system',
        scopeId: systemId,
      },
    });
    const csirt = await createStakeholder(deps(), {
      actor: assessor,
      stakeholder: {
        role: 'csirt_contact',
        partyKind: 'organisation',
        name: 'Plant CSIRT',
        contact: 'csirt@plant.example.jp',
      },
    });
    expect(csirt).toMatchObject({ scopeKind: 'organisation', scopeId: null, partyKind: 'organisation' });
    expect(await listStakeholders(deps(), { actor: assessor, scope: { kind: 'system', id: systemId } })).toEqual([
      owner,
    ]);
    expect(await listStakeholders(deps(), { actor: assessor, scope: { kind: 'organisation', id: null } })).toEqual([
      csirt,
    ]);
    expect((await listStakeholders(deps(), { actor: assessor })).map((s) => s.role)).toEqual([
      'csirt_contact',
      'system_owner',
    ]);
  });

  it('needs an existing system or device for a scope, and a deputy name beside a deputy contact', async () => {
    await expect(
      createStakeholder(deps(), {
        actor: assessor,
        stakeholder: { role: 'operator', name: 'X', deputyContact: '090-0000-0000', scopeKind: 'device' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'deputyName', code: 'missing' },
        { field: 'scopeId', code: 'missing' },
      ],
    });
    await expect(
      createStakeholder(deps(), {
        actor: assessor,
        stakeholder: { role: 'operator', name: 'X', scopeKind: 'device', scopeId: '12345' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'scopeId', reason: 'no such device in this organisation' }],
    });
    const deviceId = await seedLinkedDevice(database(), organisationId);
    await expect(
      createStakeholder(deps(), {
        actor: assessor,
        stakeholder: { role: 'maintainer', name: 'Field service', scopeKind: 'device', scopeId: deviceId },
      }),
    ).resolves.toMatchObject({ scopeKind: 'device', scopeId: deviceId });
  });

  it('changes with optimistic versions and keeps only changed fields in history; other tenants cannot reach it', async () => {
    const stakeholder = await createStakeholder(deps(), {
      actor: assessor,
      stakeholder: { role: 'operator', name: 'Operator A', scopeKind: 'system', scopeId: systemId },
    });
    const changed = await updateStakeholder(deps(), {
      actor: assessor,
      stakeholderId: stakeholder.id,
      changes: { version: 1, deputyName: 'Operator B', deputyContact: 'b@plant.example.jp' },
    });
    expect(changed).toMatchObject({ version: 2, deputyName: 'Operator B' });
    await expect(
      updateStakeholder(deps(), {
        actor: assessor,
        stakeholderId: stakeholder.id,
        changes: { version: 1, name: 'Late' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { version: 2 } } });
    const history = await listHistoryEntries(database().db, organisationId, 'stakeholder', stakeholder.id);
    expect(history[1]).toMatchObject({
      before: { deputyName: '', deputyContact: '' },
      after: { deputyName: 'Operator B', deputyContact: 'b@plant.example.jp' },
    });

    const { owner: outsider } = await seedAssessmentTeam(database(), 'Elsewhere');
    expect(await listStakeholders(deps(), { actor: outsider })).toEqual([]);
    await expect(
      updateStakeholder(deps(), { actor: outsider, stakeholderId: stakeholder.id, changes: { version: 2, name: 'X' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      deleteStakeholder(deps(), { actor: outsider, stakeholderId: stakeholder.id, version: 2 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      createStakeholder(deps(), {
        actor: outsider,
        stakeholder: { role: 'operator', name: 'X', scopeKind: 'system', scopeId: systemId },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await deleteStakeholder(deps(), { actor: assessor, stakeholderId: stakeholder.id, version: 2 });
    expect(await listStakeholders(deps(), { actor: assessor })).toEqual([]);
  });
});
