import { DomainError } from '../../core/domain-error';
import type { Database } from '../../db/database';
import {
  findOrganisation,
  findOrganisationBySlug,
  listAllOrganisations,
  type Organisation,
} from '../../db/organisation.repository';

/**
 * The organisation a local CLI command acts in: the one named by id or slug, or — when none is
 * named — the installation's only organisation. Several organisations and no name, or an unknown
 * name, is a located error listing the slugs to choose from.
 */
export async function resolveOrganisation(
  deps: { readonly database: Database },
  input: { reference?: string | undefined },
): Promise<Organisation> {
  const db = deps.database.db;
  const reference = input.reference?.trim();
  if (reference) {
    const found = (await findOrganisation(db, reference)) ?? (await findOrganisationBySlug(db, reference));
    if (found) return found;
  }
  const all = await listAllOrganisations(db);
  if (!reference && all.length === 1 && all[0]) return all[0];
  const choices = all.map((organisation) => organisation.slug).join(', ') || '(none yet)';
  throw reference
    ? new DomainError(
        'NOT_FOUND',
        `No organisation with id or slug ${reference}. Choose one of: ${choices}.`,
        [{ field: '--org', reason: 'unknown' }],
        { choices },
      )
    : new DomainError(
        'VALIDATION_FAILED',
        `Name the organisation with --org (id or slug): ${choices}.`,
        [{ field: '--org', reason: 'required' }],
        { choices },
      );
}
