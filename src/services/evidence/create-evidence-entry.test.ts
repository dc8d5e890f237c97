import { beforeEach, expect, it } from 'vitest';
import { seedMember, seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { userActor } from '../../testing/test-evidence';
import { createTestClock } from '../../testing/test-app';
import { createEvidenceEntry, type EvidenceEntryInput } from './create-evidence-entry';

describeEachDialect('createEvidenceEntry', (database) => {
  let actor: ReturnType<typeof userActor>;
  let organisationId: string;
  const clock = createTestClock();
  const deps = () => ({ database: database(), clock });
  beforeEach(async () => {
    organisationId = await seedOrganisation(database(), 'Writer');
    actor = userActor((await seedMember(database(), organisationId, 'assessor')).userId, organisationId);
  });

  it('records a web link and a text, audited', async () => {
    const link = await createEvidenceEntry(deps(), {
      actor,
      entry: {
        kind: 'link',
        title: ' Firewall policy ',
        url: 'https://wiki.example.jp/fw',
        body: 'section 3',
        validUntil: '2027-03-31',
      },
    });
    expect(link).toMatchObject({
      kind: 'link',
      title: 'Firewall policy',
      url: 'https://wiki.example.jp/fw',
      body: 'section 3',
      sha256: null,
      validUntil: '2027-03-31',
      createdAt: clock().toISOString(),
      createdBy: actor.kind === 'user' ? actor.userId : '',
    });
    const text = await createEvidenceEntry(deps(), {
      actor,
      entry: { kind: 'text', title: 'Interview', body: 'No default passwords remain.' },
    });
    expect(text).toMatchObject({ kind: 'text', url: null, body: 'No default passwords remain.' });
    const actions = await database()
      .db.selectFrom('audit_event')
      .select('action')
      .where('organisation_id', '=', organisationId)
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(['evidence.create', 'evidence.create']);
  });

  it.each<[string, EvidenceEntryInput, string]>([
    ['a javascript: link', { kind: 'link', title: 'x', url: 'javascript:alert(1)' }, 'url'],
    ['a file: link', { kind: 'link', title: 'x', url: 'file:///etc/passwd' }, 'url'],
    ['a link without URL', { kind: 'link', title: 'x' }, 'url'],
    ['a link that is no URL', { kind: 'link', title: 'x', url: 'not a url' }, 'url'],
    ['a text without body', { kind: 'text', title: 'x', body: '  ' }, 'body'],
    ['a text with a URL', { kind: 'text', title: 'x', body: 'y', url: 'https://example.jp' }, 'url'],
    ['a blank title', { kind: 'text', title: '   ', body: 'y' }, 'title'],
    ['an impossible date', { kind: 'text', title: 'x', body: 'y', evidenceDate: '2026-02-30' }, 'evidenceDate'],
  ])('refuses %s, naming the field', async (_case, entry, field) => {
    await expect(createEvidenceEntry(deps(), { actor, entry })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field }],
    });
    expect(
      await database().db.selectFrom('evidence').select('id').where('organisation_id', '=', organisationId).execute(),
    ).toEqual([]);
  });
});
