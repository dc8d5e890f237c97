import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { DomainError } from '../../core/domain-error';
import type { OidcRequestState } from '../../integrations/auth/oidc-client';
import { signInWithOidc } from '../../services/auth/sign-in-with-oidc';
import { SESSION_COOKIE, setSessionCookie } from '../auth/auth-plugin';
import { contextOf } from '../request-context';
import type { ServerDeps } from '../server-deps';

const tags = ['auth'];
const FLOW_COOKIE = 'iotcheck_oidc';
const FLOW_PATH = '/api/auth/oidc';
const publicLimited = { access: 'public' as const, rateLimit: { max: 30, timeWindow: '1 minute' } };

/**
 * /api/auth/providers and /api/auth/oidc/* — single sign-on with the configured OpenID Connect
 * provider. The request's state, nonce and PKCE verifier travel in a sealed, HttpOnly cookie.
 */
export const oidcRoutes: FastifyPluginAsyncTypebox<ServerDeps> = async (app, deps) => {
  const secure = deps.config.publicUrl.protocol === 'https:';
  const redirectUri = new URL(`${FLOW_PATH}/callback`, deps.config.publicUrl).href;

  app.get(
    '/providers',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Which sign-in methods are offered',
        response: { 200: Type.Object({ oidc: Type.Boolean() }) },
      },
    },
    async () => ({
      oidc: deps.oidc !== undefined,
    }),
  );

  app.get(
    '/oidc/start',
    { config: publicLimited, schema: { tags, summary: 'Begin single sign-on (redirects to the provider)' } },
    async (_request, reply) => {
      if (!deps.oidc) throw new DomainError('NOT_FOUND', 'Single sign-on is not configured.');
      const { url, remember } = await deps.oidc.startAuthorization(redirectUri);
      reply.setCookie(FLOW_COOKIE, deps.secretBox.seal(JSON.stringify(remember)), {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: FLOW_PATH,
        maxAge: 600,
      });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/oidc/callback',
    { config: publicLimited, schema: { tags, summary: 'Provider redirects here; starts the session', hide: false } },
    async (request, reply) => {
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      try {
        if (!deps.oidc) throw new DomainError('NOT_FOUND', 'Single sign-on is not configured.');
        const sealed = request.cookies[FLOW_COOKIE];
        if (!sealed) throw new DomainError('UNAUTHENTICATED', 'The sign-on request expired; start again.');
        const remembered = JSON.parse(deps.secretBox.open(sealed)) as OidcRequestState;
        const identity = await deps.oidc.finishAuthorization(new URL(request.url, deps.config.publicUrl), remembered);
        const previous = request.cookies[SESSION_COOKIE];
        const session = await signInWithOidc(deps, {
          identity,
          provisioning: {
            organisation: deps.config.oidc?.defaultOrganisation,
            role: deps.config.oidc?.defaultRole ?? 'viewer',
          },
          ...(previous ? { previousSessionToken: previous } : {}),
          context: contextOf(request),
        });
        setSessionCookie(reply, session.sessionToken, session.expiresAt, secure);
        return reply.redirect('/', 302);
      } catch (error) {
        // A browser is waiting, not an API client: send it back to the sign-in page with a reason.
        request.log.warn({ err: error }, 'single sign-on failed');
        return reply.redirect('/login?error=sso', 302);
      }
    },
  );
};
