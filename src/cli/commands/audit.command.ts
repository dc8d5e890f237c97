import type { Command } from 'commander';
import type { ChainBreak } from '../../core/audit/audit-chain';
import { DomainError } from '../../core/domain-error';
import { connectDatabase } from '../../db/connect';
import type { Database } from '../../db/database';
import { resolveOrganisation } from '../../services/organisations/resolve-organisation';
import { exportAuditCsv } from '../../services/audit/export-audit-csv';
import { verifyAuditTrail } from '../../services/audit/verify-audit-trail';
import type { CliContext } from '../cli-context';
import { writeOutputFile } from '../write-output-file';

interface ExportOptions {
  org?: string;
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  output?: string;
}

/** `iotcheck audit verify [--org <id>]` and `iotcheck audit export --org <id> [--from --to --user --action] [-o file]`. */
export function registerAuditCommands(program: Command, context: CliContext): void {
  const { messages: m } = context;
  const command = program.command('audit').description(m.audit);

  command
    .command('verify')
    .description(m.auditVerify)
    .option('--org <id-or-slug>', m.auditVerifyOrgOption)
    .action((options: { org?: string }) =>
      withDatabase(context, async (database) => {
        const reports = await verifyAuditTrail(
          { database },
          options.org === undefined ? {} : { organisationId: await auditedOrganisationId(database, options.org) },
        );
        if (reports.length === 0) context.out(m.auditNoChains);
        let first: { chain: string; brokenAt: ChainBreak } | undefined;
        for (const { chainKey, result } of reports) {
          const chain = chainKey === '' ? m.auditInstallationChain : chainKey;
          if (result.ok) {
            context.out(m.auditChainIntact(chain, result.count));
            continue;
          }
          context.out(
            m.auditChainBroken(
              chain,
              m.auditEntry(result.brokenAt.seq, result.brokenAt.id),
              m.auditProblems[result.brokenAt.problem],
            ),
          );
          first ??= { chain, brokenAt: result.brokenAt };
        }
        if (first) {
          const { chain, brokenAt } = first;
          throw new DomainError(
            'AUDIT_CHAIN_BROKEN',
            m.auditTrailBroken(chain, m.auditEntry(brokenAt.seq, brokenAt.id), m.auditProblems[brokenAt.problem]),
          );
        }
      }),
    );

  command
    .command('export')
    .description(m.auditExport)
    .requiredOption('--org <id-or-slug>', m.auditOrgOption)
    .option('--from <time>', m.auditFromOption)
    .option('--to <time>', m.auditToOption)
    .option('--user <id>', m.auditUserOption)
    .option('--action <action>', m.auditActionOption)
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: ExportOptions) => {
      const remote = context.remote();
      if (remote) {
        // The token is bound to one organisation; the server exports that one.
        const query = new URLSearchParams(
          Object.entries({ user: options.user, action: options.action, from: options.from, to: options.to }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        );
        const content = await remote.getText(`/api/organisation/audit/export?${query}`);
        if (options.output) await writeOutputFile(options.output, content);
        else context.write(content);
        return;
      }
      await withDatabase(context, async (database) => {
        const file = await exportAuditCsv(
          { database },
          {
            organisationId: await auditedOrganisationId(database, options.org),
            userId: options.user,
            action: options.action,
            from: options.from,
            to: options.to,
          },
        );
        if (options.output) await writeOutputFile(options.output, file.content);
        else context.write(file.content);
      });
    });
}

async function withDatabase(context: CliContext, run: (database: Database) => Promise<void>): Promise<void> {
  context.requireLocal();
  const database = connectDatabase(context.config().database);
  try {
    await run(database);
  } finally {
    await database.close();
  }
}

/**
 * The organisation whose trail to read: a slug names a current organisation; anything else is
 * taken as an id, because the trail of an organisation outlives the organisation itself.
 */
async function auditedOrganisationId(database: Database, reference: string | undefined): Promise<string> {
  if (reference === undefined) return (await resolveOrganisation({ database }, {})).id;
  return resolveOrganisation({ database }, { reference }).then(
    (organisation) => organisation.id,
    () => reference,
  );
}
