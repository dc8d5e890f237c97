import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { cliActor } from '../../core/auth/actor';
import { ROLES, type Role } from '../../core/auth/roles';
import { DomainError } from '../../core/domain-error';
import { createFirstOwner } from '../../services/accounts/create-first-owner';
import { createUser } from '../../services/accounts/create-user';
import {
  listInstallationOrganisations,
  listInstallationUsers,
  requireUserByEmail,
} from '../../services/accounts/installation-directory';
import { needsFirstOwner } from '../../services/accounts/needs-first-owner';
import { resolveOrganisation } from '../../services/organisations/resolve-organisation';
import { createApiToken, revokeMyApiToken } from '../../services/accounts/manage-api-tokens';
import type { AccountDeps } from '../../services/auth/account-deps';
import { resetPassword } from '../../services/accounts/reset-password';
import { createOrganisation } from '../../services/organisations/manage-organisations';
import type { CliContext } from '../cli-context';
import { readPassword } from '../read-password';

type WithAccounts = <T>(work: (deps: AccountDeps) => Promise<T>) => Promise<T>;

/**
 * `iotcheck user create|list|reset-password`, `org create|list`, `token create|revoke`: installation
 * administration on the server machine, acting as the CLI operator (recorded in the audit trail).
 */
export function registerAccountCommands(program: Command, context: CliContext, withAccounts: WithAccounts): void {
  const m = context.messages;
  const operator = cliActor(userInfo().username || 'operator');
  const roleOption = () => new Option('--role <role>', m.roleOption).choices(ROLES);

  const user = program.command('user').description(m.userCommand);
  user
    .command('create')
    .description(m.userCreate)
    .requiredOption('--email <email>', m.emailOption)
    .option('--admin', m.adminOption)
    .option('--name <name>', m.nameOption)
    .option('--org <id>', m.orgOption)
    .option('--org-name <name>', m.orgNameOption)
    .addOption(roleOption())
    .option('--password-file <file>', m.passwordFileOption)
    .action(
      async (options: {
        email: string;
        admin?: boolean;
        name?: string;
        org?: string;
        orgName?: string;
        role?: Role;
        passwordFile?: string;
      }) =>
        withAccounts(async (deps) => {
          const password = await readPassword({
            ...(options.passwordFile ? { passwordFile: options.passwordFile } : {}),
            prompt: m.passwordPrompt,
          });
          if (options.admin) {
            if (!(await needsFirstOwner(deps))) throw new DomainError('CONFLICT', m.alreadySetUp);
            const { userId, organisation } = await createFirstOwner(deps, {
              email: options.email,
              password,
              ...(options.name ? { displayName: options.name } : {}),
              organisationName: options.orgName ?? 'iotcheck',
              actor: operator,
            });
            context.out(m.ownerCreated(userId, organisation.name, organisation.id));
            return;
          }
          const { userId } = await createUser(deps, {
            actor: operator,
            email: options.email,
            password,
            ...(options.name ? { displayName: options.name } : {}),
            ...(options.org
              ? { organisationId: (await resolveOrganisation(deps, { reference: options.org })).id }
              : {}),
            ...(options.role ? { role: options.role } : {}),
          });
          context.out(m.userCreated(userId));
        }),
    );
  user
    .command('list')
    .description(m.userList)
    .action(async () =>
      withAccounts(async (deps) => {
        for (const record of await listInstallationUsers(deps, { actor: operator }))
          context.out(
            `${record.id}\t${record.email}\t${record.totpEnabled ? 'totp' : '-'}\t${record.mustChangePassword ? m.mustChange : ''}`,
          );
      }),
    );
  user
    .command('reset-password')
    .description(m.userResetPassword)
    .requiredOption('--email <email>', m.emailOption)
    .action(async (options: { email: string }) =>
      withAccounts(async (deps) => {
        const target = await requireUserByEmail(deps, { actor: operator, email: options.email });
        const { temporaryPassword } = await resetPassword(deps, { actor: operator, userId: target.id });
        context.out(m.temporaryPassword(temporaryPassword));
      }),
    );

  const org = program.command('org').description(m.orgCommand);
  org
    .command('create')
    .description(m.orgCreate)
    .requiredOption('--name <name>', m.orgNameOption)
    .option('--owner <email>', m.ownerOption)
    .action(async (options: { name: string; owner?: string }) =>
      withAccounts(async (deps) => {
        const organisation = await createOrganisation(deps, {
          actor: operator,
          name: options.name,
          ...(options.owner ? { ownerEmail: options.owner } : {}),
        });
        context.out(`${organisation.id}\t${organisation.slug}\t${organisation.name}`);
      }),
    );
  org
    .command('list')
    .description(m.orgList)
    .action(async () =>
      withAccounts(async (deps) => {
        for (const organisation of await listInstallationOrganisations(deps, { actor: operator }))
          context.out(
            `${organisation.id}\t${organisation.slug}\t${organisation.name}${organisation.requireTotp ? '\ttotp' : ''}`,
          );
      }),
    );

  const token = program.command('token').description(m.tokenCommand);
  token
    .command('create')
    .description(m.tokenCreate)
    .requiredOption('--email <email>', m.emailOption)
    .option('--org <id-or-slug>', m.orgOption)
    .requiredOption('--name <name>', m.tokenNameOption)
    .addOption(roleOption().default('viewer'))
    .option('--days <days>', m.daysOption, '90')
    .action(async (options: { email: string; org?: string; name: string; role: Role; days: string }) =>
      withAccounts(async (deps) => {
        const owner = await requireUserByEmail(deps, { actor: operator, email: options.email });
        const organisation = await resolveOrganisation(deps, { reference: options.org });
        const actor = { ...operator, userId: owner.id, organisationId: organisation.id };
        const created = await createApiToken(deps, {
          actor,
          name: options.name,
          roleCeiling: options.role,
          expiresInDays: Number(options.days),
        });
        context.out(m.tokenCreated(created.record.id, created.record.expiresAt));
        context.out(created.token);
      }),
    );
  token
    .command('revoke')
    .description(m.tokenRevoke)
    .requiredOption('--id <id>', m.tokenIdOption)
    .requiredOption('--email <email>', m.emailOption)
    .option('--org <id-or-slug>', m.orgOption)
    .action(async (options: { id: string; email: string; org?: string }) =>
      withAccounts(async (deps) => {
        const owner = await requireUserByEmail(deps, { actor: operator, email: options.email });
        const organisation = await resolveOrganisation(deps, { reference: options.org });
        await revokeMyApiToken(deps, {
          actor: { ...operator, userId: owner.id, organisationId: organisation.id },
          tokenId: options.id,
        });
        context.out(m.tokenRevoked);
      }),
    );
}
