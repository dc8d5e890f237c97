import type { Action } from '../../core/auth/policy';

/**
 * What every route declares in `config.access`: `public`, `authenticated` (any signed-in user,
 * any organisation), or a policy action checked with can(). A route without it cannot be
 * registered — deny by default.
 */
export type RouteAccess = 'public' | 'authenticated' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Set on routes that may be called while the password must be changed or TOTP enrolled. */
    allowPendingAccount?: boolean;
    /**
     * The route checks a credential of its own in `Authorization` (GET /metrics and METRICS_TOKEN),
     * so no user or API token is resolved from it; such a route must also be `public`.
     */
    ownCredentials?: boolean;
  }
}
