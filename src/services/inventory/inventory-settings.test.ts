import { beforeEach, expect, it } from 'vitest';
import { createTestClock } from '../../testing/test-app';
import { seedAssessmentTeam, type MemberActor } from '../../testing/test-assessments';
import { describeEachDialect } from '../../testing/test-database';
import { createCustomField } from './create-custom-field';
import { deleteCustomField } from './delete-custom-field';
import { getColumnMapping } from './get-column-mapping';
import { listCustomFields } from './list-custom-fields';
import { saveColumnMapping } from './save-column-mapping';
import { updateCustomField } from './update-custom-field';

describeEachDialect('inventory settings: custom fields and the saved column mapping', (database) => {
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  let admin: MemberActor;
  let outsider: MemberActor;
  beforeEach(async () => {
    ({ owner: admin } = await seedAssessmentTeam(database(), 'Plant'));
    ({ owner: outsider } = await seedAssessmentTeam(database(), 'Elsewhere'));
  });

  const actions = async () =>
    (
      await database()
        .db.selectFrom('audit_event')
        .select(['action', 'target_type'])
        .where('organisation_id', '=', admin.organisationId)
        .execute()
    )
      .filter((row) => row.target_type === 'custom_field' || row.target_type === 'column_mapping')
      .map((row) => row.action)
      .sort();

  it('defines, changes and removes a choice field, per organisation, audited', async () => {
    const field = await createCustomField(deps(), {
      actor: admin,
      field: { key: 'floor_zone', labelJa: 'フロア区画', labelEn: 'Floor zone', type: 'choice', choices: ['A', 'B'] },
    });
    expect(field).toMatchObject({ key: 'floor_zone', type: 'choice', required: false, version: 1 });
    await expect(
      createCustomField(deps(), { actor: admin, field: { key: 'floor_zone', labelJa: 'x', labelEn: 'x' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'key' }] });
    // Another organisation may use the same key for its own field.
    await createCustomField(deps(), {
      actor: outsider,
      field: { key: 'floor_zone', labelJa: '区画', labelEn: 'Zone' },
    });
    const changed = await updateCustomField(deps(), {
      actor: admin,
      key: 'floor_zone',
      changes: { version: 1, required: true, choices: ['A', 'B', 'C'] },
    });
    expect(changed).toMatchObject({ version: 2, required: true, choices: ['A', 'B', 'C'] });
    await expect(
      updateCustomField(deps(), { actor: admin, key: 'floor_zone', changes: { version: 1, labelEn: 'Late' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { version: 2 } } });
    await expect(
      updateCustomField(deps(), { actor: admin, key: 'floor_zone', changes: { version: 2, type: 'number' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'choices', code: 'invalid_value' }] });
    expect((await listCustomFields(deps(), { actor: outsider }))[0]).toMatchObject({ labelEn: 'Zone', version: 1 });
    await deleteCustomField(deps(), { actor: admin, key: 'floor_zone', version: 2 });
    expect(await listCustomFields(deps(), { actor: admin })).toEqual([]);
    expect(await listCustomFields(deps(), { actor: outsider })).toHaveLength(1);
    expect(await actions()).toEqual(['custom_field.create', 'custom_field.delete', 'custom_field.update']);
  });

  it('refuses a bad key, a choice field without choices and twin choices, each located', async () => {
    await expect(
      createCustomField(deps(), {
        actor: admin,
        field: { key: 'Bad Key', labelJa: ' ', labelEn: 'x', type: 'choice', choices: [] },
      }),
    ).rejects.toMatchObject({
      details: [{ field: 'key' }, { field: 'labelJa', code: 'blank' }, { field: 'choices', code: 'missing' }],
    });
    await expect(
      createCustomField(deps(), {
        actor: admin,
        field: { key: 'k', labelJa: 'x', labelEn: 'x', type: 'choice', choices: ['A', ' A'] },
      }),
    ).rejects.toMatchObject({ details: [{ field: 'choices', reason: 'names a choice twice' }] });
    expect(await listCustomFields(deps(), { actor: admin })).toEqual([]);
  });

  it('saves the column mapping from version 0, refuses a stale version with the stored mapping, and locates bad keys', async () => {
    expect(await getColumnMapping(deps(), { actor: admin })).toEqual({ mapping: {}, version: 0, updatedAt: null });
    const saved = await saveColumnMapping(deps(), {
      actor: admin,
      version: 0,
      mapping: { 管理番号: 'asset_tag', ' 機器名 ': 'name', 区画: 'custom.floor_zone' },
    });
    expect(saved).toMatchObject({ version: 1, mapping: { 管理番号: 'asset_tag', 機器名: 'name' } });
    expect(await getColumnMapping(deps(), { actor: admin })).toEqual(saved);
    await expect(
      saveColumnMapping(deps(), { actor: admin, version: 0, mapping: { 名称: 'name' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT', extensions: { current: { version: 1 } } });
    await expect(
      saveColumnMapping(deps(), { actor: admin, version: 1, mapping: { 名称: 'Not A Key', '': 'name' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [
        { field: 'mapping["名称"]', code: 'bad_format' },
        { field: 'mapping[""]', code: 'blank' },
      ],
    });
    expect(await getColumnMapping(deps(), { actor: outsider })).toMatchObject({ version: 0, mapping: {} });
    expect(await actions()).toEqual(['column_mapping.update']);
  });
});
