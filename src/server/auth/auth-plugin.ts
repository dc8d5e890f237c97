import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, isUserActor, type Actor } from '../../core/auth/actor';
import { can } from '../../core/auth/policy';
import { secretsEqual } from '../../core/auth/tokens';
import { DomainError } from '../../core/domain-error';
import type { AccountDeps } from '../../services/auth/account-deps';
import { resolveApiToken, resolveSession } from '../../services/auth/resolve-actor';
import type { RouteAccess } from './route-access';

export const SESSION_COOKIE = 'iotcheck_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The raw session cookie value when the request came with a valid session. */
    sessionToken: string | undefined;
    csrfToken: string | undefined;
    totpEnrolmentRequired: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface AuthPluginOptions {
  readonly deps: AccountDeps;
  readonly publicOrigin: string;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over https. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Who is calling (Bearer API token or session cookie), and the one gate every route passes:
 * its declared access is checked with can(); state changes with a cookie need the CSRF header,
 * and a cross-site Origin is refused.
 */
export const authPlugin = fp<AuthPluginOptions>(async (app: FastifyInstance, options) => {
  await app.register(fastifyCookie);
  // Reference values cannot be decorator defaults; every request starts anonymous in onRequest.
  app.decorateRequest<Actor | null>('actor', null);
  app.decorateRequest('sessionToken', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('totpEnrolmentRequired', false);

  // Every API route must declare its access; the SPA's static files and the API docs are public.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api') && !route.url.startsWith('/api/docs') && route.config?.access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access policy (config.access)`);
    }
    if (route.config?.ownCredentials && route.config.access !== 'public') {
      throw new Error(`route ${route.method} ${route.url} checks its own credentials, so its access must be public`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    if (request.routeOptions.config.ownCredentials) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(options.deps, authorization.slice('Bearer '.length).trim());
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API token is unknown, revoked or expired.');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const resolved = await resolveSession(options.deps, cookie);
    if (!resolved) return;
    request.actor = resolved.actor;
    request.sessionToken = cookie;
    request.csrfToken = resolved.session.csrfToken;
    request.totpEnrolmentRequired = resolved.totpEnrolmentRequired;
  });

  // preValidation runs before body validation, so a refused caller learns nothing about the body rules.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // static web files and API docs (onRoute refuses any other)
    if (UNSAFE_METHODS.has(request.method)) checkOrigin(request, options.publicOrigin);
    if (access === 'public') return;
    if (!isUserActor(request.actor)) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    if (UNSAFE_METHODS.has(request.method) && request.sessionToken) checkCsrf(request);
    authorize(request, access);
  });
});

function checkOrigin(request: FastifyRequest, publicOrigin: string): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const own = `${request.protocol}://${request.headers.host ?? ''}`;
  if (origin !== publicOrigin && origin !== own) throw new DomainError('FORBIDDEN', 'Cross-site requests are refused.');
}

function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !request.csrfToken || !secretsEqual(sent, request.csrfToken)) {
    throw new DomainError('FORBIDDEN', 'Missing or wrong CSRF token (x-csrf-token).');
  }
}

function authorize(request: FastifyRequest, access: Exclude<RouteAccess, 'public'>): void {
  const actor = request.actor;
  if (!isUserActor(actor)) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (actor.mustChangePassword && !request.routeOptions.config.allowPendingAccount)
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Your password was reset: choose a new one first.');
  if (access === 'authenticated') return;
  if (!can(actor, access, actor.organisationId ? { organisationId: actor.organisationId } : {})) {
    throw new DomainError('FORBIDDEN', 'Your role does not allow this.');
  }
}
