import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/auth/actor';
import { DomainError } from '../../../core/domain-error';
import type { VulnerabilityDeps } from '../vulnerability-deps';
import { requireVulnerabilityReader } from '../views/list-matches';
import { buildCsafVex } from './csaf-vex';
import { buildCycloneDxVex } from './cyclonedx-vex';
import { loadVexStatements } from './load-vex-statements';

export type VexFormat = 'cyclonedx' | 'csaf';

/** What the VEX export needs beyond the database: the installation's public address (CSAF publisher). */
export interface VexDeps extends VulnerabilityDeps {
  readonly publicUrl: string;
}

/** A VEX file to download. */
export interface VexFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string;
}

/**
 * The organisation's triage (every model and device triage record whose advisory it can still
 * see) as a VEX document: CycloneDX 1.6 JSON or CSAF 2.0 csaf_vex. Untriaged matches are not
 * statements and are left out. Needs `vulnerabilities.read`. CSAF cannot express an empty VEX
 * (the schema needs at least one product and one vulnerability): with no triage recorded, CSAF
 * → NOT_FOUND naming `format`; CycloneDX then gives a valid document with no vulnerabilities.
 */
export async function exportVex(
  deps: VexDeps,
  input: { readonly actor: Actor; readonly format: VexFormat },
): Promise<VexFile> {
  const { organisationId } = requireVulnerabilityReader(input.actor);
  const db = deps.database.db;
  const organisation = await db
    .selectFrom('organisation')
    .select(['name', 'slug'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const statements = await loadVexStatements(db, organisationId);
  const generatedAt = deps.clock();
  const info = {
    organisationId,
    organisationName: organisation.name,
    publisherUrl: deps.publicUrl,
    generatedAt,
    serial: randomUUID(),
  };
  const day = generatedAt.toISOString().slice(0, 10);
  if (input.format === 'csaf') {
    if (statements.length === 0)
      throw new DomainError('NOT_FOUND', 'There is no triage to export as CSAF VEX yet.', [
        { field: 'format', reason: 'CSAF VEX needs at least one triaged vulnerability' },
      ]);
    return {
      fileName: `${organisation.slug}-vex-${day}.csaf.json`,
      contentType: 'application/csaf+json',
      content: `${JSON.stringify(buildCsafVex(info, statements), null, 2)}\n`,
    };
  }
  return {
    fileName: `${organisation.slug}-vex-${day}.cdx.json`,
    contentType: 'application/vnd.cyclonedx+json',
    content: `${JSON.stringify(buildCycloneDxVex(info, statements), null, 2)}\n`,
  };
}
