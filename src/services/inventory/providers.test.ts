import { beforeEach, expect, it } from 'vitest';
import { listHistoryEntries } from '../../db/inventory/history-entry.repository';
import { createTestClock } from '../../testing/test-app';
import { seedLinkedDevice } from '../../testing/seed-linked-device';
import {
  createTestAssessmentDeps,
  seedAssessment,
  seedAssessmentTeam,
  type MemberActor,
} from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createProvider } from './create-provider';
import { deleteProvider } from './delete-provider';
import { getProvider } from './get-provider';
import { listProviders } from './list-providers';
import { updateProvider } from './update-provider';

describeEachDialect('providers: create, change, delete with history and audit', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  let organisationId: string;
  let assessor: MemberActor;
  let outsider: MemberActor;
  beforeEach(async () => {
    ({ organisationId, assessor } = await seedAssessmentTeam(database(), 'Plant'));
    ({ owner: outsider } = await seedAssessmentTeam(database(), 'Elsewhere'));
  });

  const auditActions = async (targetId: string) =>
    (
      await database()
        .db.selectFrom('audit_event')
        .select('action')
        .where('target_id', '=', targetId)
        .orderBy('occurred_at')
        .execute()
    ).map((row) => row.action);

  it('adds a provider with contacts, a JC-STAR certification and a contract, and keeps it whole', async () => {
    const provider = await createProvider(deps(), {
      actor: assessor,
      provider: {
        name: ' カメラ工業株式会社 ',
        kind: 'vendor',
        contacts: [{ name: '山田 花子', role: '営業', email: 'hanako@camera.example.jp', phone: '03-1234-5678' }],
        supportWindow: { until: '2030-03-31', note: '平日 9–18 時' },
        disclosureContact: 'psirt@camera.example.jp',
        certifications: [{ scheme: 'JC-STAR', level: '★1', registrationNumber: 'JCS-0001', validUntil: '2028-03-31' }],
        contracts: [{ title: '保守契約', startsOn: '2026-04-01', endsOn: '2029-03-31', dataOwnership: '当社に帰属' }],
        dataOwnership: '映像データは当社に帰属する',
      },
    });
    expect(provider).toMatchObject({ name: 'カメラ工業株式会社', version: 1 });
    expect(await getProvider(deps(), { actor: assessor, providerId: provider.id })).toEqual(provider);
    expect(await listProviders(deps(), { actor: assessor })).toEqual([provider]);
    const history = await listHistoryEntries(database().db, organisationId, 'provider', provider.id);
    expect(history).toMatchObject([{ action: 'create', version: 1, before: null, after: { kind: 'vendor' } }]);
    expect(history[0]?.after).toHaveProperty('certifications', provider.certifications);
    expect(await auditActions(provider.id)).toEqual(['provider.create']);
  });

  it('names every bad field with its place and writes nothing', async () => {
    await expect(
      createProvider(deps(), {
        actor: assessor,
        provider: {
          name: '  ',
          kind: 'vendor',
          contacts: [{ name: 'A', role: '', email: 'not-mail', phone: '' }],
          contracts: [{ title: 'X', startsOn: '2027-01-01', endsOn: '2026-01-01', dataOwnership: '' }],
          certifications: [{ scheme: 'JC-STAR', level: '', registrationNumber: '', validUntil: '2026-02-30' }],
        },
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'name', code: 'blank' },
        { field: 'contacts[0].email', code: 'bad_format' },
        { field: 'certifications[0].validUntil', code: 'not_a_date' },
        { field: 'contracts[0].endsOn', code: 'end_before_start' },
      ],
    });
    expect(await listProviders(deps(), { actor: assessor })).toEqual([]);
  });

  it('changes with the current version, refuses a stale one with the stored provider, and records only changed fields', async () => {
    const provider = await createProvider(deps(), { actor: assessor, provider: { name: 'Cloud K', kind: 'cloud' } });
    clock.advance(1000);
    const changed = await updateProvider(deps(), {
      actor: assessor,
      providerId: provider.id,
      changes: { version: 1, disclosureContact: 'security@cloud.example' },
    });
    expect(changed).toMatchObject({ version: 2, disclosureContact: 'security@cloud.example', name: 'Cloud K' });
    await expect(
      updateProvider(deps(), { actor: assessor, providerId: provider.id, changes: { version: 1, name: 'Late' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { version: 2, name: 'Cloud K' } } });
    // Saving what is stored changes nothing and writes no history.
    expect(
      await updateProvider(deps(), {
        actor: assessor,
        providerId: provider.id,
        changes: { version: 2, name: 'Cloud K' },
      }),
    ).toEqual(changed);
    const history = await listHistoryEntries(database().db, organisationId, 'provider', provider.id);
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({
      version: 2,
      before: { disclosureContact: '' },
      after: { disclosureContact: 'security@cloud.example' },
    });
    expect(Object.keys(history[1]?.after ?? {})).toEqual(['disclosureContact']);

    await expect(
      deleteProvider(deps(), { actor: assessor, providerId: provider.id, version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await deleteProvider(deps(), { actor: assessor, providerId: provider.id, version: 2 });
    expect(await listProviders(deps(), { actor: assessor })).toEqual([]);
    expect(await auditActions(provider.id)).toEqual(['provider.create', 'provider.update', 'provider.delete']);
    expect((await listHistoryEntries(database().db, organisationId, 'provider', provider.id)).at(-1)).toMatchObject({
      action: 'delete',
      after: null,
      before: { name: 'Cloud K', kind: 'cloud' },
    });
  });

  it('lists the providers maintaining the devices of a system', async () => {
    const team = { owner: assessor };
    const { systemId } = await seedAssessment(createTestAssessmentDeps(database(), clock), team.owner);
    const maintainer = await createProvider(deps(), {
      actor: assessor,
      provider: { name: 'Maint', kind: 'integrator' },
    });
    await createProvider(deps(), { actor: assessor, provider: { name: 'Other', kind: 'vendor' } });
    const deviceId = await seedLinkedDevice(database(), organisationId, { systemId });
    await database()
      .db.updateTable('device')
      .set({ maintainer_provider_id: maintainer.id })
      .where('id', '=', Number(deviceId))
      .execute();
    expect(await listProviders(deps(), { actor: assessor, systemId })).toEqual([maintainer]);
    expect(await listProviders(deps(), { actor: outsider, systemId })).toEqual([]);
    // Deleting the provider unlinks the device rather than leaving a dangling id.
    await deleteProvider(deps(), { actor: assessor, providerId: maintainer.id, version: 1 });
    const device = await database()
      .db.selectFrom('device')
      .select('maintainer_provider_id')
      .where('id', '=', Number(deviceId))
      .executeTakeFirstOrThrow();
    expect(device.maintainer_provider_id).toBeNull();
  });

  it("keeps organisations apart: another organisation's provider is not found, not listed, not changed", async () => {
    const provider = await createProvider(deps(), { actor: assessor, provider: { name: 'Vendor A', kind: 'vendor' } });
    expect(await listProviders(deps(), { actor: outsider })).toEqual([]);
    await expect(getProvider(deps(), { actor: outsider, providerId: provider.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      updateProvider(deps(), { actor: outsider, providerId: provider.id, changes: { version: 1, name: 'Stolen' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      deleteProvider(deps(), { actor: outsider, providerId: provider.id, version: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getProvider(deps(), { actor: assessor, providerId: provider.id })).toEqual(provider);
  });
});
