import { randomBytes } from 'node:crypto';
import type { Credential } from '../../core/probes/credential-attempts';
import { fillLoginForm, findLoginForm, hasPasswordInput, type LoginForm } from '../../core/probes/login-form';
import type { ObservationInput } from '../../core/probes/observation';
import { because, type ProbeReason } from '../../core/probes/probe-reason';
import { checkDefaultCredentials, type LoginAttempt } from './credential-check';
import { httpRequest, type HttpAnswer } from './http-check';
import type { ServiceTarget } from './open-stream';

/** A page that shows a login form, and the form. */
export interface LoginPage {
  readonly path: string;
  readonly form: LoginForm;
}

/** Redirects followed from `/` to the login page (same host only). */
const MAX_REDIRECTS = 2;

/**
 * The path of a Location header when it stays on the probed host (relative, or absolute naming
 * the target's address); undefined when it leads elsewhere (never followed).
 */
function sameHostPath(location: string | undefined, from: string, address: string): string | undefined {
  if (!location) return undefined;
  const base = new URL(from, 'http://probe.invalid');
  try {
    const url = new URL(location, base);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (url.host !== base.host && host !== address) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

const isRedirect = (status: number): boolean => status >= 301 && status <= 308 && status !== 304;

/**
 * Looks for a login form on `/`, following up to two same-host redirects (devices often send `/`
 * to `/login.html`). Returns the page and its form, or undefined when no page shows one.
 */
export async function findLoginPage(target: ServiceTarget, tls: boolean): Promise<LoginPage | undefined> {
  let path = '/';
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const answer = await httpRequest(target, tls, { method: 'GET', path });
    if ('reason' in answer) return undefined;
    if (isRedirect(answer.status)) {
      const next = sameHostPath(answer.headers.get('location'), path, target.address);
      if (next === undefined) return undefined;
      path = next;
      continue;
    }
    if (answer.status !== 200) return undefined;
    const form = findLoginForm(answer.body, path);
    return form ? { path, form } : undefined;
  }
  return undefined;
}

const pathOnly = (path: string): string => path.split('?')[0] ?? path;

/** The cookies to send back: the earlier ones, replaced by name by the later ones. */
function mergeCookies(...lists: (readonly string[])[]): string[] {
  const byName = new Map<string, string>();
  for (const cookie of lists.flat()) byName.set(cookie.split('=')[0] ?? cookie, cookie);
  return [...byName.values()];
}

/**
 * One form login: reads the login page again (fresh session cookie and hidden fields), submits
 * the user name and password, and judges the answer:
 * - 401/403, a redirect back to the login page, or a page that still shows a password input:
 *   refused;
 * - a redirect elsewhere: the page it leads to (with the session's cookies) decides, accepted
 *   only when it shows no password input;
 * - a 200 page without a password input: accepted when the server set a session cookie,
 *   otherwise not judged (some forms answer every submission with a plain page).
 */
export async function tryHttpFormLogin(
  target: ServiceTarget,
  tls: boolean,
  page: LoginPage,
  credential: Credential,
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  const fresh = await httpRequest(target, tls, { method: 'GET', path: page.path });
  if ('reason' in fresh) return { reason: fresh.reason };
  const form = fresh.status === 200 ? findLoginForm(fresh.body, page.path) : undefined;
  if (!form) return { reason: because('http_form_page_lost') };
  const filled = fillLoginForm(form, credential.user, credential.password);
  const cookieHeader = (cookies: readonly string[]): Record<string, string> =>
    cookies.length > 0 ? { Cookie: cookies.join('; ') } : {};
  const shown = `${form.method} ${form.action} HTTP/1.1 (form ${form.userField}=${credential.user}, ${form.passwordField}=[hidden])`;
  const answer = await httpRequest(
    target,
    tls,
    form.method === 'POST'
      ? { method: 'POST', path: form.action, body: filled, headers: cookieHeader(fresh.cookies), shown }
      : {
          method: 'GET',
          path: `${pathOnly(form.action)}?${filled}`,
          headers: cookieHeader(fresh.cookies),
          shown,
        },
  );
  if ('reason' in answer) return { reason: answer.reason };
  return judge(target, tls, page, form, answer, mergeCookies(fresh.cookies, answer.cookies));
}

async function judge(
  target: ServiceTarget,
  tls: boolean,
  page: LoginPage,
  form: LoginForm,
  answer: HttpAnswer,
  cookies: readonly string[],
): Promise<'accepted' | 'refused' | { readonly reason: ProbeReason }> {
  if (answer.status === 401 || answer.status === 403) return 'refused';
  if (isRedirect(answer.status)) {
    const next = sameHostPath(answer.headers.get('location'), form.action, target.address);
    if (next === undefined) return { reason: because('http_status_after_login', { status: answer.status }) };
    if (pathOnly(next) === pathOnly(page.path) || pathOnly(next) === pathOnly(form.action)) return 'refused';
    const landing = await httpRequest(target, tls, {
      method: 'GET',
      path: next,
      ...(cookies.length > 0 ? { headers: { Cookie: cookies.join('; ') } } : {}),
    });
    if ('reason' in landing) return { reason: landing.reason };
    if (landing.status === 401 || landing.status === 403) return 'refused';
    if (isRedirect(landing.status)) {
      const again = sameHostPath(landing.headers.get('location'), next, target.address);
      // Sent back to the login page: the session was not accepted.
      if (again !== undefined && pathOnly(again) === pathOnly(page.path)) return 'refused';
      return { reason: because('http_status_after_login', { status: landing.status }) };
    }
    if (landing.status !== 200) return { reason: because('http_status_after_login', { status: landing.status }) };
    return hasPasswordInput(landing.body) ? 'refused' : 'accepted';
  }
  if (answer.status !== 200) return { reason: because('http_status_after_login', { status: answer.status }) };
  if (hasPasswordInput(answer.body)) return 'refused';
  return answer.cookies.length > 0 ? 'accepted' : { reason: because('http_form_no_session') };
}

/**
 * Default logins through a login form. First a made-up account is submitted as a control: when
 * even that one counts as accepted, the answers cannot tell success from failure, and the check
 * says so (inconclusive) instead of reporting a default credential. Otherwise the attempts run
 * as every credential check does (first success stops, the user name only is kept).
 */
export async function checkHttpFormLogin(
  port: number,
  service: string,
  page: LoginPage,
  attempts: readonly Credential[],
  attempt: LoginAttempt,
): Promise<ObservationInput | undefined> {
  const control: Credential = {
    user: `iotcheck-${randomBytes(4).toString('hex')}`,
    password: randomBytes(12).toString('base64url'),
  };
  const controlOutcome = await attempt(control);
  if (controlOutcome === undefined) return undefined; // cancelled
  if (controlOutcome === 'accepted') {
    return {
      check: 'default-credentials',
      result: 'inconclusive',
      findings: ['check_inconclusive'],
      port,
      reason: because('http_form_control_accepted'),
      detail: `${service}: a made-up user (${control.user}) counted as logged in; no default credential was tried`,
    };
  }
  return checkDefaultCredentials(port, `${service} ${page.form.method} ${page.form.action}`, attempts, attempt);
}
