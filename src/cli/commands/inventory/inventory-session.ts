import { userInfo } from 'node:os';
import { cliActor, type Actor } from '../../../core/auth/actor';
import { DomainError, isDomainError } from '../../../core/domain-error';
import { parseDeviceFilterPairs } from '../../../core/inventory/device-filter-parse';
import type { DeviceFilter } from '../../../core/inventory/device-filter';
import { connectDatabase } from '../../../db/connect';
import { migrateToLatest } from '../../../db/migrate';
import type { InventoryDeps } from '../../../services/inventory/inventory-deps';
import { resolveOrganisation } from '../../../services/organisations/resolve-organisation';
import type { CliContext } from '../../cli-context';

/**
 * Opens the database, finds the organisation named by --org (or the only one), and runs the
 * work as the CLI operator inside it (audited as cli:<user>); closes the database afterwards.
 */
export async function inInventoryOrganisation<T>(
  context: CliContext,
  reference: string | undefined,
  work: (deps: InventoryDeps, actor: Actor) => Promise<T>,
): Promise<T> {
  context.requireLocal();
  const m = context.messages;
  const database = connectDatabase(context.config().database);
  try {
    await migrateToLatest(database);
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
    return await work({ database, clock: () => new Date() }, { ...operator, organisationId: organisation.id });
  } finally {
    await database.close();
  }
}

/** Collects repeated `--filter key=value` options. */
export function collectFilter(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The device filter the --filter options name, or a located refusal naming each bad one. */
export function deviceFilterOfOptions(context: CliContext, filters: readonly string[] = []): DeviceFilter {
  const pairs = filters.map((text) => {
    const at = text.indexOf('=');
    return at < 0 ? ([text, ''] as const) : ([text.slice(0, at), text.slice(at + 1)] as const);
  });
  const { filter, problems } = parseDeviceFilterPairs(pairs, '--filter');
  if (problems.length > 0)
    throw new DomainError('VALIDATION_FAILED', context.messages.inventoryInvalidFilter, problems);
  return filter;
}
