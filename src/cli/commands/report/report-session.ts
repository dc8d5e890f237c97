import { userInfo } from 'node:os';
import { cliActor, type Actor } from '../../../core/auth/actor';
import { DomainError, isDomainError } from '../../../core/domain-error';
import type { AssessmentDeps } from '../../../services/assessments/assessment-deps';
import { loadCatalogDeps } from '../../../services/catalog/catalog-deps';
import { resolveOrganisation } from '../../../services/organisations/resolve-organisation';
import type { CliContext } from '../../cli-context';
import { withAccountDeps } from '../../with-account-deps';

/**
 * Opens the database and the catalog, finds the organisation named by --org (or the only one),
 * and runs `work` as the CLI operator inside it (audited as cli:<user>); closes the database after.
 */
export function inReportOrganisation<T>(
  context: CliContext,
  reference: string | undefined,
  work: (deps: AssessmentDeps, actor: Actor) => Promise<T>,
): Promise<T> {
  context.requireLocal();
  const m = context.messages;
  const config = context.config();
  return withAccountDeps(config, async ({ database, clock }) => {
    const organisation = await resolveOrganisation({ database }, { reference }).catch((error: unknown) => {
      if (!isDomainError(error) || error.details[0]?.field !== '--org') throw error;
      const slugs = String(error.extensions['choices'] ?? '');
      throw new DomainError(
        error.code,
        reference ? m.unknownOrganisation(reference) : m.organisationRequired(slugs),
        error.details,
      );
    });
    const operator = cliActor(userInfo().username || 'operator');
    return work(
      { database, clock, catalog: (await loadCatalogDeps(config.catalogDir)).catalog },
      { ...operator, organisationId: organisation.id },
    );
  });
}
