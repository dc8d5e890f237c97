import type { Actor, UserActor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { RECENT_AUTHENTICATION_MS } from '../auth/account-deps';
import { requireUser } from './require-user';

/**
 * Account security (password, second factor, recovery codes, API tokens) is changed only from an
 * interactive session that proved the password within RECENT_AUTHENTICATION_MS — never with an
 * API token, and not from a session left open for hours (REAUTHENTICATION_REQUIRED: the client
 * asks for the password and calls POST /api/auth/reauthenticate). The server's CLI operator may.
 */
export function requireRecentAuthentication(input: Actor, now: Date): UserActor {
  const actor = requireUser(input);
  if (actor.via === 'cli') return actor;
  if (actor.via === 'token')
    throw new DomainError('FORBIDDEN', 'API tokens cannot change account security; sign in to the web app.');
  const at = actor.authenticatedAt ? new Date(actor.authenticatedAt).getTime() : Number.NaN;
  if (!(now.getTime() - at <= RECENT_AUTHENTICATION_MS))
    throw new DomainError('REAUTHENTICATION_REQUIRED', 'Enter your password again to change account security.', [
      { field: 'password', reason: 'reauthentication_required' },
    ]);
  return actor;
}
