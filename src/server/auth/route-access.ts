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
  }
}
