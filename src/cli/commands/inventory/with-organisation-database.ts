import { DomainError, isDomainError } from '../../../core/domain-error';
import { connectDatabase } from '../../../db/connect';
import type { Database } from '../../../db/database';
import { resolveOrganisation } from '../../../services/organisations/resolve-organisation';
import type { CliContext } from '../../cli-context';

/**
 * Opens the local database, resolves --org (an id or slug; the only organisation by default) and
 * runs `work` in it, closing the database afterwards. Inventory commands work on the server machine.
 */
export async function withOrganisationDatabase<T>(
  context: CliContext,
  reference: string | undefined,
  work: (deps: { database: Database; clock: () => Date }, organisationId: string) => Promise<T>,
): Promise<T> {
  context.requireLocal();
  const m = context.messages;
  const database = connectDatabase(context.config().database);
  try {
    const organisation = await resolveOrganisation({ database }, { reference }).catch((error: unknown) => {
      if (!isDomainError(error) || error.details[0]?.field !== '--org') throw error;
      const slugs = String(error.extensions['choices'] ?? '');
      throw new DomainError(
        error.code,
        reference ? m.unknownOrganisation(reference) : m.organisationRequired(slugs),
        error.details,
      );
    });
    return await work({ database, clock: () => new Date() }, organisation.id);
  } finally {
    await database.close();
  }
}
