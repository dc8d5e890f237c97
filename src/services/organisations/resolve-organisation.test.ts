import { expect, it } from 'vitest';
import { seedOrganisation } from '../../testing/test-accounts';
import { describeEachDialect } from '../../testing/test-database';
import { resolveOrganisation } from './resolve-organisation';

describeEachDialect('resolveOrganisation', (database) => {
  it('takes an id or a slug, defaults to the only organisation, and names the choices otherwise', async () => {
    const deps = { database: database() };
    await expect(resolveOrganisation(deps, {})).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: '--org', reason: 'required' }],
    });
    const firstId = await seedOrganisation(database(), '本社');
    const first = await resolveOrganisation(deps, {});
    expect(first.id).toBe(firstId);
    expect((await resolveOrganisation(deps, { reference: first.slug })).id).toBe(firstId);

    const secondId = await seedOrganisation(database(), 'Plant');
    expect((await resolveOrganisation(deps, { reference: secondId })).id).toBe(secondId);
    const refusal = resolveOrganisation(deps, {});
    await expect(refusal).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(refusal).rejects.toThrow(first.slug);
    await expect(resolveOrganisation(deps, { reference: 'nowhere' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: [{ field: '--org', reason: 'unknown' }],
    });
  });
});
