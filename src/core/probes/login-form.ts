/** A login form found on a page: where it posts, and the names of its fields. */
export interface LoginForm {
  /** The path (with query) the form submits to, resolved against the page's path. */
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly userField: string;
  readonly passwordField: string;
  /** Hidden fields (CSRF tokens and the like) sent back as they were. */
  readonly hidden: readonly (readonly [string, string])[];
}

const attribute = (tag: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : undefined;
};

const decodeEntities = (text: string): string =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Input types a user name can be typed into. */
const USER_TYPES = new Set(['text', 'email', 'tel', '']);
/** Names that say "user name" when a form has several text inputs. */
const USER_NAME = /user|login|name|account|email|id/i;

/**
 * Finds the first form holding a password input: the user field is the text input before the
 * password one (preferring a name that says user/login/account), the action is resolved against
 * `pagePath` (an absolute URL is kept only for its path: a form posting to another host is not
 * followed). Returns undefined when the page has no such form or the form cannot be submitted
 * (no named password or user field, or an action on another host).
 */
export function findLoginForm(html: string, pagePath: string): LoginForm | undefined {
  for (const form of html.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi)) {
    const formTag = form[1] ?? '';
    const inputs = [...(form[2] ?? '').matchAll(/<input\b[^>]*>/gi)].map((match) => match[0]);
    const typeOf = (tag: string): string => (attribute(tag, 'type') ?? '').toLowerCase();
    const passwordIndex = inputs.findIndex((tag) => typeOf(tag) === 'password');
    if (passwordIndex < 0) continue;
    const passwordField = attribute(inputs[passwordIndex]!, 'name');
    const candidates = inputs
      .slice(0, passwordIndex)
      .filter((tag) => USER_TYPES.has(typeOf(tag)) && attribute(tag, 'name'));
    const userTag = candidates.find((tag) => USER_NAME.test(attribute(tag, 'name') ?? '')) ?? candidates.at(-1);
    const userField = userTag ? attribute(userTag, 'name') : undefined;
    const action = resolveAction(attribute(formTag, 'action') ?? '', pagePath);
    if (!passwordField || !userField || action === undefined) return undefined;
    const hidden = inputs
      .filter((tag) => typeOf(tag) === 'hidden' && attribute(tag, 'name'))
      .map((tag) => [attribute(tag, 'name')!, attribute(tag, 'value') ?? ''] as const);
    const method = (attribute(formTag, 'method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
    return { action, method, userField, passwordField, hidden };
  }
  return undefined;
}

/** True when the page shows a password input anywhere (the login form is still there). */
export function hasPasswordInput(html: string): boolean {
  return /<input\b[^>]*\stype\s*=\s*["']?password/i.test(html);
}

/** An action resolved to a path on the same host, or undefined for another host or scheme. */
function resolveAction(action: string, pagePath: string): string | undefined {
  const base = new URL(pagePath, 'http://probe.invalid');
  let url: URL;
  try {
    url = new URL(action, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base.origin) return undefined;
  return `${url.pathname}${url.search}`;
}

/** The URL-encoded body (or query) of a form filled with one user name and password. */
export function fillLoginForm(form: LoginForm, user: string, password: string): string {
  const fields: [string, string][] = [
    ...form.hidden.map(([name, value]): [string, string] => [name, value]),
    [form.userField, user],
    [form.passwordField, password],
  ];
  return new URLSearchParams(fields).toString();
}
