import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  LoginRequestSchema,
  LoginResponseSchema,
  MeSchema,
  OkSchema,
  PasswordConfirmationSchema,
  SetupRequestSchema,
  SetupStatusSchema,
  TotpCodeSchema,
} from '../../contracts/auth.schema';
import { ProblemSchema } from '../../contracts/problem.schema';
import { DomainError } from '../../core/domain-error';
import { createFirstOwner } from '../../services/accounts/create-first-owner';
import { needsFirstOwner } from '../../services/accounts/needs-first-owner';
import { describeMe } from '../../services/auth/describe-me';
import { completeSecondFactor } from '../../services/auth/complete-second-factor';
import { logIn } from '../../services/auth/log-in';
import { logOut } from '../../services/auth/log-out';
import { reauthenticate } from '../../services/auth/reauthenticate';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth/auth-plugin';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['auth'];
/** Sign-in endpoints are public by nature; they are rate-limited per client address. */
const publicLimited = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };

/** /api/auth — first-run setup, sign-in with optional TOTP step, sign-out, who am I. */
export const authRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const secure = deps.config.publicUrl.protocol === 'https:';

  app.get(
    '/setup',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Whether first-run setup is still open', response: { 200: SetupStatusSchema } },
    },
    async () => ({ needed: await needsFirstOwner(deps) }),
  );

  app.post(
    '/setup',
    {
      config: publicLimited,
      schema: {
        tags,
        summary: 'Create the first owner (only while no user exists)',
        body: SetupRequestSchema,
        response: { 200: LoginResponseSchema, 409: ProblemSchema },
      },
    },
    async (request, reply) => {
      const { email, password, displayName, organisationName } = request.body;
      await createFirstOwner(deps, {
        actor: request.actor,
        email,
        password,
        ...(displayName === undefined ? {} : { displayName }),
        organisationName,
        context: contextOf(request),
      });
      const session = await logIn(deps, {
        email: request.body.email,
        password: request.body.password,
        context: contextOf(request),
      });
      setSessionCookie(reply, session.sessionToken, session.expiresAt, secure);
      return { status: 'signed_in' as const };
    },
  );

  app.post(
    '/login',
    {
      config: publicLimited,
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema, 401: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request, reply) => {
      const previous = request.cookies[SESSION_COOKIE];
      const session = await logIn(deps, {
        email: request.body.email,
        password: request.body.password,
        ...(previous ? { previousSessionToken: previous } : {}),
        context: contextOf(request),
      });
      setSessionCookie(reply, session.sessionToken, session.expiresAt, secure);
      return { status: session.secondFactorRequired ? ('second_factor_required' as const) : ('signed_in' as const) };
    },
  );

  app.post(
    '/login/totp',
    {
      config: publicLimited,
      schema: {
        tags,
        summary: 'Second sign-in step: the code from the authenticator app',
        body: TotpCodeSchema,
        response: { 200: LoginResponseSchema, 401: ProblemSchema },
      },
    },
    async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in with your password first.');
      await completeSecondFactor(deps, { sessionToken: token, code: request.body.code, context: contextOf(request) });
      return { status: 'signed_in' as const };
    },
  );

  app.post(
    '/reauthenticate',
    {
      config: { access: 'authenticated', allowPendingAccount: true, rateLimit: publicLimited.rateLimit },
      schema: {
        tags,
        summary: 'Prove the password again before changing account security (sessions only)',
        body: PasswordConfirmationSchema,
        response: { 200: OkSchema, 400: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema },
      },
    },
    async (request) => {
      await reauthenticate(deps, {
        actor: request.actor,
        sessionToken: request.sessionToken,
        password: request.body.password,
        context: contextOf(request),
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: 'authenticated', allowPendingAccount: true },
      schema: { tags, summary: 'Sign out', response: { 200: OkSchema } },
    },
    async (request, reply) => {
      if (request.sessionToken)
        await logOut(deps, { actor: request.actor, sessionToken: request.sessionToken, context: contextOf(request) });
      clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'The signed-in user, organisations and CSRF token', response: { 200: MeSchema } },
    },
    async (request) => {
      const me = await describeMe(deps, {
        actor: request.actor,
        totpEnrolmentRequired: request.totpEnrolmentRequired,
      });
      return me.authenticated && request.csrfToken ? { ...me, csrfToken: request.csrfToken } : me;
    },
  );
};
