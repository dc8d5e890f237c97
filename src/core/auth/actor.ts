import type { Role } from './roles';

/** Who is asking. Every use case takes one; the HTTP edge and the CLI build it. */
export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly email: string;
      /** The organisation the request acts in (session's current org, token's org). */
      readonly organisationId: string | null;
      /** Role in that organisation, already capped by a token's ceiling. */
      readonly role: Role | null;
      readonly via: 'session' | 'token' | 'cli';
      /** Password was reset by an admin: only changing it is allowed. */
      readonly mustChangePassword: boolean;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** The command-line operator on the server machine: an installation administrator with no organisation. */
export function cliActor(label = 'cli'): Extract<Actor, { kind: 'user' }> {
  return {
    kind: 'user',
    userId: '',
    email: label,
    organisationId: null,
    role: null,
    via: 'cli',
    mustChangePassword: false,
  };
}
