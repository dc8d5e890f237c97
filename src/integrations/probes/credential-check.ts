import type { Credential } from '../../core/probes/credential-attempts';
import type { ObservationInput } from '../../core/probes/observation';
import { because, reasonText, type ProbeReason } from '../../core/probes/probe-reason';

/** One login attempt against one service. */
export type LoginAttempt = (
  credential: Credential,
) => Promise<'accepted' | 'refused' | { readonly reason: ProbeReason } | undefined>;

/** After this many attempts in a row that could not be judged, the service is left alone. */
const MAX_UNJUDGED_IN_A_ROW = 3;

/**
 * Tries `attempts` in order and stops at the first success. The observation names the user
 * only ("default credential accepted for user X"); no password reaches it. All refused passes
 * item 25; attempts that could not be judged make the result inconclusive.
 */
export async function checkDefaultCredentials(
  port: number,
  service: string,
  attempts: readonly Credential[],
  attempt: LoginAttempt,
): Promise<ObservationInput> {
  const refusedUsers = new Set<string>();
  const unjudged: string[] = [];
  let tried = 0;
  let inARow = 0;
  for (const credential of attempts) {
    const outcome = await attempt(credential);
    if (outcome === undefined) break; // cancelled
    tried += 1;
    if (outcome === 'accepted') {
      return {
        check: 'default-credentials',
        result: 'fail',
        findings: ['default_credential_accepted'],
        port,
        reason: because('default_credential_accepted', { user: credential.user }),
        detail: `${service}: accepted on attempt ${tried} of at most ${attempts.length}, user ${credential.user}`,
      };
    }
    if (outcome === 'refused') {
      refusedUsers.add(credential.user);
      inARow = 0;
      continue;
    }
    unjudged.push(`${credential.user}: ${reasonText(outcome.reason)}`);
    inARow += 1;
    if (inARow >= MAX_UNJUDGED_IN_A_ROW) break;
  }
  const detail = `${service}: ${tried} attempts, refused for users ${[...refusedUsers].join(', ') || '(none)'}${
    unjudged.length > 0 ? `\nnot judged: ${unjudged.slice(0, 5).join('; ')}` : ''
  }`;
  if (unjudged.length > 0 || tried < attempts.length) {
    return {
      check: 'default-credentials',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port,
      reason:
        unjudged.length > 0
          ? because('attempts_not_judged', { count: unjudged.length, tried })
          : because('attempts_cancelled'),
      detail,
    };
  }
  return { check: 'default-credentials', result: 'pass', findings: ['default_credentials_refused'], port, detail };
}
