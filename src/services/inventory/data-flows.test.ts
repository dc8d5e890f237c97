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
import { createDataFlow } from './create-data-flow';
import { deleteDataFlow } from './delete-data-flow';
import { listDataFlows } from './list-data-flows';
import { updateDataFlow } from './update-data-flow';

describeEachDialect('data flows: ends, defaults, history and tenant isolation', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let assessor: MemberActor;
  let systemId: string;
  let deviceId: string;
  beforeEach(async () => {
    const team = await seedAssessmentTeam(database(), 'Plant');
    ({ organisationId, assessor } = team);
    ({ systemId } = await seedAssessment(createTestAssessmentDeps(database(), clock), team.owner));
    deviceId = await seedLinkedDevice(database(), organisationId, {
      systemId,
      fields: { assetTag: 'CAM-001', name: '入口カメラ' },
    });
  });

  it('derives "crosses a border" from the countries and "crosses the internet" from an external end', async () => {
    const abroad = await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'Video cloud', country: 'us' },
        protocol: 'HTTPS',
        port: 443,
        dataClasses: ['video_audio', 'personal'],
        encrypted: 'yes',
      },
    });
    expect(abroad).toMatchObject({
      to: { kind: 'external', name: 'Video cloud', country: 'US' },
      crossesBorder: true,
      crossesInternet: true,
      fromLabel: 'CAM-001 入口カメラ',
      toLabel: 'Video cloud',
      version: 1,
    });
    clock.advance(1000);
    const domestic = await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        from: { kind: 'device', id: deviceId },
        to: { kind: 'system', id: systemId },
        protocol: 'MQTT',
        port: 1883,
        encrypted: 'no',
      },
    });
    // No systemId given: the system end is taken; both ends at home.
    expect(domestic).toMatchObject({
      systemId,
      crossesBorder: false,
      crossesInternet: false,
      toLabel: 'Building automation',
    });
    clock.advance(1000);
    const japaneseCloud = await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'Tokyo DC', country: 'JP' },
        protocol: 'HTTPS',
      },
    });
    expect(japaneseCloud).toMatchObject({ crossesBorder: false, crossesInternet: true, encrypted: 'unknown' });
    expect((await listDataFlows(deps(), { actor: assessor, systemId })).map((flow) => flow.id)).toEqual([
      abroad.id,
      domestic.id,
      japaneseCloud.id,
    ]);
  });

  it('refuses unknown countries, missing devices and systems, bad ports, each located, and writes nothing', async () => {
    await expect(
      createDataFlow(deps(), {
        actor: assessor,
        flow: {
          from: { kind: 'external', name: 'Somewhere', country: 'ZZ' },
          to: { kind: 'external', name: 'Somewhere', country: 'ZZ' },
          protocol: ' ',
          port: 70000,
          dataClasses: ['telemetry', 'telemetry'],
        },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'from.country' },
        { field: 'to.country' },
        { field: 'to', code: 'invalid_value' },
        { field: 'protocol', code: 'blank' },
        { field: 'port' },
        { field: 'dataClasses' },
      ],
    });
    await expect(
      createDataFlow(deps(), {
        actor: assessor,
        flow: { from: { kind: 'device', id: '999999' }, to: { kind: 'system', id: 'nope' }, protocol: 'MQTT' },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'systemId', reason: 'no such system in this organisation' },
        { field: 'from.id', reason: 'no such device in this organisation' },
        { field: 'to.id', reason: 'no such system in this organisation' },
      ],
    });
    expect(await listDataFlows(deps(), { actor: assessor })).toEqual([]);
  });

  it('changes with optimistic versions, derives the border again when an end moves, and keeps history', async () => {
    const flow = await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'EU cloud', country: 'DE' },
        protocol: 'HTTPS',
      },
    });
    const moved = await updateDataFlow(deps(), {
      actor: assessor,
      flowId: flow.id,
      changes: { version: 1, to: { kind: 'external', name: 'Osaka DC', country: 'JP' }, encrypted: 'yes' },
    });
    expect(moved).toMatchObject({ version: 2, crossesBorder: false, encrypted: 'yes', toLabel: 'Osaka DC' });
    await expect(
      updateDataFlow(deps(), { actor: assessor, flowId: flow.id, changes: { version: 1, protocol: 'HTTP' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { version: 2 } } });
    await deleteDataFlow(deps(), { actor: assessor, flowId: flow.id, version: 2 });
    const history = await listHistoryEntries(database().db, organisationId, 'data_flow', flow.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(history[1]).toMatchObject({
      before: { to: { kind: 'external', name: 'EU cloud', country: 'DE' }, encrypted: 'unknown', crossesBorder: true },
      after: { to: { kind: 'external', name: 'Osaka DC', country: 'JP' }, encrypted: 'yes', crossesBorder: false },
    });
    const audit = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', flow.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['data_flow.create', 'data_flow.update', 'data_flow.delete']);
  });

  it("keeps organisations apart: another organisation's devices, systems and flows are out of reach", async () => {
    const { owner: outsider, organisationId: elsewhere } = await seedAssessmentTeam(database(), 'Elsewhere');
    const flow = await createDataFlow(deps(), {
      actor: assessor,
      flow: {
        systemId,
        from: { kind: 'device', id: deviceId },
        to: { kind: 'external', name: 'C', country: 'US' },
        protocol: 'MQTT',
      },
    });
    expect(await listDataFlows(deps(), { actor: outsider })).toEqual([]);
    expect(await listDataFlows(deps(), { actor: outsider, systemId })).toEqual([]);
    await expect(
      updateDataFlow(deps(), { actor: outsider, flowId: flow.id, changes: { version: 1, protocol: 'X' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(deleteDataFlow(deps(), { actor: outsider, flowId: flow.id, version: 1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Naming organisation A's device and system from organisation B is refused as unknown.
    await expect(
      createDataFlow(deps(), {
        actor: outsider,
        flow: { from: { kind: 'device', id: deviceId }, to: { kind: 'system', id: systemId }, protocol: 'MQTT' },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await listHistoryEntries(database().db, elsewhere, 'data_flow', flow.id)).toEqual([]);
  });
});
