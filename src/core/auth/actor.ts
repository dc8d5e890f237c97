import type { Role } from './roles';

/**
 * The mark of an actor made by this code. A symbol key cannot come out of JSON, a query string
 * or a form, so an "actor" a client smuggles into a request can never pass for a real one.
 */
const GENUINE: unique symbol = Symbol('iotcheck.actor');

/** The fields of a signed-in caller, as the edges establish them. */
export interface UserActorFields {
  readonly userId: string;
  readonly email: string;
  /** The organisation the request acts in (session's current org, token's org). */
  readonly organisationId: string | null;
  /** Role in that organisation, already capped by a token's ceiling. */
  readonly role: Role | null;
  readonly via: 'session' | 'token' | 'cli';
  /** Password was reset by an admin: only changing it is allowed. */
  readonly mustChangePassword: boolean;
  /** When this session last proved the password (and second factor); null for tokens and the CLI. */
  readonly authenticatedAt?: string | null;
}

/** A signed-in caller. Only userActor() makes one. */
export type UserActor = UserActorFields & { readonly kind: 'user'; readonly [GENUINE]: true };

/** Who is asking. Every use case takes one; the HTTP edge and the CLI build it. */
export type Actor = { readonly kind: 'anonymous' } | UserActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** Makes a signed-in actor (the only way to get one); frozen, so nothing changes it on the way. */
export function userActor(fields: UserActorFields): UserActor {
  return Object.freeze({ authenticatedAt: null, ...fields, kind: 'user', [GENUINE]: true } as const);
}

/**
 * True only for a signed-in actor made by userActor() (copies with `{ ...actor }` keep the mark);
 * an object that merely looks like one — e.g. parsed from a request body — is not.
 */
export function isUserActor(actor: Actor | undefined): actor is UserActor {
  return actor?.kind === 'user' && (actor as Partial<UserActor>)[GENUINE] === true;
}

/** The command-line operator on the server machine: an installation administrator with no organisation. */
export function cliActor(label = 'cli'): UserActor {
  return userActor({
    userId: '',
    email: label,
    organisationId: null,
    role: null,
    via: 'cli',
    mustChangePassword: false,
  });
}
