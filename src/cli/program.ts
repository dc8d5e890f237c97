import { Command, CommanderError } from 'commander';
import { formatProblemDetail, isDomainError } from '../core/domain-error';
import { IOTCHECK_VERSION } from '../core/version';
import { parseConfig, type AppConfig, type Environment } from '../config/config';
import { readFileSync } from 'node:fs';
import { DomainError } from '../core/domain-error';
import { createRemoteClient, type RemoteClient } from './remote-client';
import type { CliContext, ServeCommand } from './cli-context';
import { CliExit, EXIT_CODE_BY_ERROR, EXIT_USAGE } from './exit-codes';
import { CLI_MESSAGES, type CliLanguage, type CliMessages } from './messages';
import { findIllFormedText } from '../core/text/well-formed-text';
import { toTerminalText } from '../core/text/terminal-text';

/** Adds one group of commands to the program. */
type RegisterGroup = (program: Command, context: CliContext) => void;

/**
 * The command groups in the order `--help` lists them, each with its top-level command names and
 * the module that holds it. A group's module (and the database, argon2 or catalog code it pulls
 * in) is imported only when one of its names is on the command line, so `--version`, `--help` and
 * `catalog show` start without loading what they do not use.
 */
const COMMAND_GROUPS: readonly {
  readonly names: readonly { readonly name: string; readonly description: (m: CliMessages) => string }[];
  readonly load: () => Promise<RegisterGroup>;
}[] = [
  {
    names: [{ name: 'db', description: (m) => m.db }],
    load: async () => (await import('./commands/db.command')).registerDbCommands,
  },
  {
    names: [
      { name: 'backup', description: (m) => m.backupCommand },
      { name: 'restore', description: (m) => m.restoreCommand },
    ],
    load: async () => (await import('./commands/backup.command')).registerBackupCommands,
  },
  {
    names: [{ name: 'catalog', description: (m) => m.catalog }],
    load: async () => (await import('./commands/catalog.command')).registerCatalogCommands,
  },
  {
    names: [{ name: 'crosswalk', description: (m) => m.crosswalkCommand }],
    load: async () => (await import('./commands/crosswalk.command')).registerCrosswalkCommands,
  },
  {
    names: [{ name: 'audit', description: (m) => m.audit }],
    load: async () => (await import('./commands/audit.command')).registerAuditCommands,
  },
  {
    names: [
      { name: 'user', description: (m) => m.userCommand },
      { name: 'org', description: (m) => m.orgCommand },
      { name: 'token', description: (m) => m.tokenCommand },
    ],
    load: async () => {
      const { registerAccountCommands } = await import('./commands/accounts.command');
      return (program, context) =>
        registerAccountCommands(program, context, async (work) => {
          context.requireLocal();
          const { withAccountDeps } = await import('./with-account-deps');
          return withAccountDeps(context.config(), work);
        });
    },
  },
  {
    names: [
      { name: 'system', description: (m) => m.systemCommand },
      { name: 'assessment', description: (m) => m.assessmentCommand },
    ],
    load: async () => (await import('./commands/assessment.command')).registerAssessmentCommands,
  },
  {
    names: [{ name: 'inventory', description: (m) => m.inventoryCommand }],
    load: async () => (await import('./commands/inventory/inventory.command')).registerInventoryCommands,
  },
  {
    names: [{ name: 'incident', description: (m) => m.incidentCommand }],
    load: async () => (await import('./commands/incident/incident.command')).registerIncidentCommands,
  },
  {
    names: [{ name: 'report', description: (m) => m.reportCommand }],
    load: async () => (await import('./commands/report/report.command')).registerReportCommands,
  },
  {
    names: [{ name: 'vuln', description: (m) => m.vulnCommand }],
    load: async () => (await import('./commands/vuln/vuln.command')).registerVulnCommands,
  },
  {
    names: [{ name: 'sbom', description: (m) => m.sbomCommand }],
    load: async () => (await import('./commands/sbom/sbom.command')).registerSbomCommands,
  },
  {
    names: [{ name: 'probe', description: (m) => m.probeCommand }],
    load: async () => (await import('./commands/probe/probe.command')).registerProbeCommands,
  },
];

export interface RunCliOptions {
  readonly argv: readonly string[];
  readonly env: Environment;
  readonly language: CliLanguage;
  readonly serve: ServeCommand;
  readonly out?: (line: string) => void;
  readonly err?: (line: string) => void;
  readonly write?: (text: string) => void;
}

class ConfigExit extends Error {}

/** Runs one CLI invocation and resolves to its exit code; never calls process.exit itself. */
export async function runCli(options: RunCliOptions): Promise<number> {
  const messages = CLI_MESSAGES[options.language];
  const rawOut = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const rawErr = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  // The one place human-readable output is made safe for a terminal: user data (an assessment
  // title with ESC sequences) must not restyle, move or reorder what the operator sees.
  const out = (line: string) => rawOut(toTerminalText(line));
  const err = (line: string) => rawErr(toTerminalText(line));
  let config: AppConfig | undefined;
  let remote: RemoteClient | undefined;
  const remoteOptions = (): { server?: string; tokenFile?: string } => program.opts();
  const context: CliContext = {
    messages,
    language: options.language,
    out,
    err,
    write,
    json: (value) => rawOut(JSON.stringify(value, null, 2)),
    config: () => {
      if (config) return config;
      const result = parseConfig(options.env);
      if (!result.ok) {
        err(messages.configInvalid);
        for (const problem of result.problems) err(`  ${problem.name}: ${problem.reason}`);
        throw new ConfigExit();
      }
      config = result.config;
      return config;
    },
    remote: () => {
      const { server, tokenFile } = remoteOptions();
      if (!server) return undefined;
      const token = tokenFile
        ? (readFileSync(tokenFile, 'utf8').split(/\r?\n/)[0] ?? '').trim()
        : options.env['IOTCHECK_TOKEN'];
      if (!token)
        throw new DomainError('UNAUTHENTICATED', messages.tokenRequired, [
          { field: '--token-file', reason: 'missing' },
        ]);
      remote ??= createRemoteClient(server, token);
      return remote;
    },
    requireLocal: () => {
      if (remoteOptions().server)
        throw new DomainError('VALIDATION_FAILED', messages.localOnly, [
          { field: '--server', reason: 'not supported by this command' },
        ]);
    },
  };

  const program = new Command('iotcheck')
    .description(messages.description)
    .version(IOTCHECK_VERSION, '-V, --version', messages.versionOption)
    .helpOption('-h, --help', messages.helpOption)
    .helpCommand('help [command]', messages.helpCommand)
    .option('--server <url>', messages.serverOption)
    .option('--token-file <file>', messages.tokenFileOption)
    .exitOverride()
    .configureOutput({ writeOut: (text) => out(text.trimEnd()), writeErr: (text) => err(text.trimEnd()) })
    .showHelpAfterError()
    .hook('preAction', (_program, action) => refuseIllFormedArguments(action, messages.illFormedArguments));

  program
    .command('serve')
    .description(messages.serve)
    .action(async () => {
      context.requireLocal();
      const config = context.config();
      await options.serve(config, (server) => {
        err(messages.listening(server.url));
        // With PORT=0 only the server knows its port; otherwise PUBLIC_URL is where people reach it.
        const base = config.port === 0 ? server.url : config.publicUrl.href;
        if (server.needsFirstOwner) err(messages.firstOwnerNeeded(new URL('/setup', base).href));
      });
    });
  // Groups not named on the command line are listed by name and description only.
  const operands = new Set(options.argv.filter((argument) => !argument.startsWith('-')));
  for (const group of COMMAND_GROUPS) {
    if (group.names.some(({ name }) => operands.has(name))) (await group.load())(program, context);
    else for (const { name, description } of group.names) program.command(name).description(description(messages));
  }
  program
    .command('whoami')
    .description(messages.whoami)
    .action(async () => {
      const remote = context.remote();
      if (!remote)
        throw new DomainError('VALIDATION_FAILED', messages.tokenRequired, [{ field: '--server', reason: 'missing' }]);
      const me = await remote.getJson<{
        user?: { email: string };
        organisationId?: string | null;
        role?: string | null;
      }>('/api/auth/me');
      context.out(`${me.user?.email ?? '-'}\t${me.organisationId ?? '-'}\t${me.role ?? '-'}`);
    });

  try {
    await program.parseAsync([...options.argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof ConfigExit) return EXIT_CODE_BY_ERROR.CONFIG_INVALID;
    if (error instanceof CliExit) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (isDomainError(error)) {
      err(`${messages.error} [${error.code}]: ${error.message}`);
      for (const detail of error.details) err(`  ${formatProblemDetail(detail)}`);
      return EXIT_CODE_BY_ERROR[error.code];
    }
    err(`${messages.error}: ${(error as Error).message}`);
    return EXIT_CODE_BY_ERROR.INTERNAL;
  }
}

/** Refuses arguments and option values with text that cannot be stored exactly (lone surrogates). */
function refuseIllFormedArguments(action: Command, message: string): void {
  const fields = [
    ...findIllFormedText(action.args).map((index) => `argument ${Number(index) + 1}`),
    ...findIllFormedText(action.opts()).map(
      (name) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`,
    ),
  ];
  if (fields.length === 0) return;
  throw new DomainError(
    'VALIDATION_FAILED',
    message,
    fields.map((field) => ({ field, reason: 'contains an unpaired surrogate (ill-formed Unicode text)' })),
  );
}
