import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  ChangePasswordSchema,
  CreatedTokenSchema,
  CreateTokenSchema,
  OkSchema,
  PasswordConfirmationSchema,
  RecoveryCodesSchema,
  SecondFactorStatusSchema,
  SwitchOrganisationSchema,
  TokenListSchema,
  TotpCodeSchema,
  TotpEnrolmentSchema,
} from '../../contracts/auth.schema';
import { DomainError } from '../../core/domain-error';
import { changePassword } from '../../services/accounts/change-password';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../../services/accounts/enrol-totp';
import { createApiToken, listMyApiTokens, revokeMyApiToken } from '../../services/accounts/manage-api-tokens';
import {
  disableSecondFactor,
  getSecondFactorStatus,
  regenerateRecoveryCodes,
} from '../../services/accounts/manage-second-factor';
import { switchOrganisation } from '../../services/organisations/manage-organisations';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['account'];

/** /api/account — the signed-in user's own password, second factor, API tokens and current organisation. */
export const accountRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  app.post(
    '/password',
    {
      config: { access: 'account.update', allowPendingAccount: true },
      schema: { tags, summary: 'Change my password', body: ChangePasswordSchema, response: { 200: OkSchema } },
    },
    async (request) => {
      await changePassword(deps, {
        actor: request.actor,
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        ...(request.sessionToken ? { sessionToken: request.sessionToken } : {}),
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/totp/enrol',
    {
      config: { access: 'account.update', allowPendingAccount: true },
      schema: { tags, summary: 'Start TOTP enrolment (secret and QR code)', response: { 200: TotpEnrolmentSchema } },
    },
    async (request) => beginTotpEnrolment(deps, { actor: request.actor }),
  );

  app.post(
    '/totp/confirm',
    {
      config: { access: 'account.update', allowPendingAccount: true },
      schema: {
        tags,
        summary: 'Finish TOTP enrolment with a first code; returns the recovery codes (shown once)',
        body: TotpCodeSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) =>
      confirmTotpEnrolment(deps, { actor: request.actor, code: request.body.code, context: contextOf(request) }),
  );

  app.get(
    '/totp',
    {
      config: { access: 'account.read', allowPendingAccount: true },
      schema: {
        tags,
        summary: 'Whether TOTP is on and how many recovery codes are left',
        response: { 200: SecondFactorStatusSchema },
      },
    },
    async (request) => getSecondFactorStatus(deps, { actor: request.actor }),
  );

  app.post(
    '/totp/recovery-codes',
    {
      config: { access: 'account.update' },
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working); needs the password',
        body: PasswordConfirmationSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) =>
      regenerateRecoveryCodes(deps, {
        actor: request.actor,
        password: request.body.password,
        context: contextOf(request),
      }),
  );

  app.post(
    '/totp/disable',
    {
      config: { access: 'account.update' },
      schema: {
        tags,
        summary: 'Turn TOTP off (refused while an organisation requires it); needs the password',
        body: PasswordConfirmationSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await disableSecondFactor(deps, {
        actor: request.actor,
        password: request.body.password,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/tokens',
    {
      config: { access: 'account.tokens' },
      schema: { tags, summary: 'My API tokens in this organisation', response: { 200: TokenListSchema } },
    },
    async (request) => ({
      tokens: await listMyApiTokens(deps, { actor: request.actor }),
    }),
  );

  app.post(
    '/tokens',
    {
      config: { access: 'account.tokens' },
      schema: {
        tags,
        summary: 'Create an API token (shown once)',
        body: CreateTokenSchema,
        response: { 200: CreatedTokenSchema },
      },
    },
    async (request) =>
      createApiToken(deps, {
        actor: request.actor,
        name: request.body.name,
        roleCeiling: request.body.roleCeiling,
        expiresInDays: request.body.expiresInDays,
        context: contextOf(request),
      }),
  );

  app.delete(
    '/tokens/:id',
    {
      config: { access: 'account.tokens' },
      schema: {
        tags,
        summary: 'Revoke one of my API tokens',
        params: Type.Object({ id: Type.String() }),
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      await revokeMyApiToken(deps, { actor: request.actor, tokenId: request.params.id, context: contextOf(request) });
      return { ok: true as const };
    },
  );

  app.post(
    '/organisation',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Switch the current organisation of this session',
        body: SwitchOrganisationSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      if (!request.sessionToken) throw new DomainError('FORBIDDEN', 'API tokens are bound to one organisation.');
      await switchOrganisation(deps, {
        actor: request.actor,
        sessionToken: request.sessionToken,
        organisationId: request.body.organisationId,
      });
      return { ok: true as const };
    },
  );
};
