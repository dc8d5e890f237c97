import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Log levels accepted by LOG_LEVEL (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string };

/** The whole configuration of a process, parsed once at start-up and then frozen. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly logLevel: LogLevel;
  readonly publicUrl: URL;
  readonly bodyLimitBytes: number;
  /** Largest evidence file accepted by an upload, in bytes (EVIDENCE_MAX_BYTES; the JSON body limit is separate). */
  readonly evidenceMaxBytes: number;
  /** Largest inventory file an upload may import (IMPORT_MAX_BYTES; a million devices is ~150 MB). */
  readonly importMaxBytes: number;
  /** Folder of catalog YAML; undefined means the catalog/ shipped with iotcheck. */
  readonly catalogDir: string | undefined;
  /** Base64 32-byte key sealing TOTP secrets; undefined means DATA_DIR/secret.key (created once). */
  readonly secretKey: string | undefined;
  readonly oidc: OidcConfig | undefined;
  /**
   * Which reverse proxies may name the client in X-Forwarded-For (TRUST_PROXY): false (the default)
   * trusts none, a number trusts that many hops, a list trusts those addresses and CIDR ranges.
   */
  readonly trustProxy: TrustProxy;
  /**
   * Bearer token that opens GET /metrics (METRICS_TOKEN, at least 16 characters); undefined means
   * the endpoint does not exist (404) and no metrics are recorded.
   */
  readonly metricsToken: string | undefined;
  /**
   * Where evidence and job (report) files are kept (EVIDENCE_STORE): `local` files under DATA_DIR
   * (the default, one server), or `postgres` chunks in the database, so several servers share them.
   */
  readonly fileStore: FileStoreKind;
  /** How long a server's claim on a background job holds without renewal (JOB_LEASE_MS, default a minute). */
  readonly jobLeaseMs: number;
  /**
   * How long a stopping server (SIGTERM/SIGINT) lets requests in flight finish before it closes their
   * connections (SHUTDOWN_GRACE_MS, default 10 s; keep it below the orchestrator's kill timeout).
   */
  readonly shutdownGraceMs: number;
  /**
   * How much V8 may grow a serving process's heap after each major collection, in percent
   * (HEAP_GROWTH_PERCENT, default 30; 0 leaves V8's own sizing, which may grow it 1.5–4×).
   */
  readonly heapGrowthPercent: number;
}

/** The two places files can live: EVIDENCE_STORE=local|postgres. */
export const FILE_STORE_KINDS = ['local', 'postgres'] as const;
export type FileStoreKind = (typeof FILE_STORE_KINDS)[number];

/** Fastify's `trustProxy` values that iotcheck allows: off, a hop count, or addresses/CIDRs. */
export type TrustProxy = false | number | readonly string[];

/** OpenID Connect sign-in, when an issuer is configured. */
export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Organisation (id or slug) new SSO users join, and with which role; none means no access until invited. */
  readonly defaultOrganisation: string | undefined;
  readonly defaultRole: 'admin' | 'assessor' | 'viewer' | 'provider';
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** A problem with one variable: `name` is the variable, `reason` says why. */
export interface ConfigProblem {
  readonly name: string;
  readonly reason: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: AppConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type FileReader = (path: string) => string;

const readText: FileReader = (path) => readFileSync(path, 'utf8');

/**
 * Parses the environment into an AppConfig, collecting every problem rather than stopping at the
 * first. Secrets may come from `<NAME>_FILE` (a path whose content is the value).
 */
export function parseConfig(env: Environment, readFile: FileReader = readText): ConfigResult {
  const problems: ConfigProblem[] = [];
  const value = (name: string): string | undefined => readVariable(env, name, readFile, problems);

  const port = parseInteger(value('PORT') ?? '8080', 'PORT', 0, 65535, problems);
  const host = value('HOST') ?? '127.0.0.1';
  if (host.trim() === '') problems.push({ name: 'HOST', reason: 'must not be empty' });
  const dataDir = resolve(value('DATA_DIR') ?? './data');
  const database = parseDatabase(value('DATABASE_URL'), dataDir, problems);
  const logLevel = parseLogLevel(value('LOG_LEVEL') ?? 'info', problems);
  const publicUrl = parsePublicUrl(value('PUBLIC_URL'), host, port ?? 8080, problems);
  const catalogDirValue = value('CATALOG_DIR');
  const catalogDir = catalogDirValue === undefined ? undefined : resolve(catalogDirValue);
  const secretKey = value('SECRET_KEY');
  const oidc = parseOidc(value, problems);
  const trustProxy = parseTrustProxy(value('TRUST_PROXY'), problems);
  const metricsToken = parseMetricsToken(value('METRICS_TOKEN'), problems);
  const fileStore = parseFileStore(value('EVIDENCE_STORE'), database, problems);
  const jobLeaseMs = parseInteger(value('JOB_LEASE_MS') ?? '60000', 'JOB_LEASE_MS', 1000, 3_600_000, problems);
  const shutdownGraceMs = parseInteger(
    value('SHUTDOWN_GRACE_MS') ?? '10000',
    'SHUTDOWN_GRACE_MS',
    0,
    3_600_000,
    problems,
  );
  const heapGrowthPercent = parseInteger(value('HEAP_GROWTH_PERCENT') ?? '30', 'HEAP_GROWTH_PERCENT', 0, 400, problems);
  const bodyLimitBytes = parseInteger(
    value('BODY_LIMIT_BYTES') ?? String(1024 * 1024),
    'BODY_LIMIT_BYTES',
    1024,
    1024 ** 3,
    problems,
  );
  const evidenceMaxBytes = parseInteger(
    value('EVIDENCE_MAX_BYTES') ?? String(25 * 1024 ** 2),
    'EVIDENCE_MAX_BYTES',
    1024,
    2 * 1024 ** 3,
    problems,
  );
  const importMaxBytes = parseInteger(
    value('IMPORT_MAX_BYTES') ?? String(512 * 1024 ** 2),
    'IMPORT_MAX_BYTES',
    1024,
    8 * 1024 ** 3,
    problems,
  );

  if (
    problems.length > 0 ||
    port === undefined ||
    bodyLimitBytes === undefined ||
    evidenceMaxBytes === undefined ||
    importMaxBytes === undefined ||
    jobLeaseMs === undefined ||
    shutdownGraceMs === undefined ||
    heapGrowthPercent === undefined ||
    !database ||
    !publicUrl
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    config: Object.freeze({
      port,
      host,
      dataDir,
      database,
      logLevel,
      publicUrl,
      bodyLimitBytes,
      evidenceMaxBytes,
      importMaxBytes,
      catalogDir,
      secretKey,
      oidc,
      trustProxy,
      metricsToken,
      fileStore,
      jobLeaseMs,
      shutdownGraceMs,
      heapGrowthPercent,
    }),
  };
}

function readVariable(
  env: Environment,
  name: string,
  readFile: FileReader,
  problems: ConfigProblem[],
): string | undefined {
  const direct = env[name];
  const filePath = env[`${name}_FILE`];
  if (direct !== undefined && direct !== '' && filePath) {
    problems.push({ name, reason: `set both ${name} and ${name}_FILE; use one` });
    return undefined;
  }
  if (filePath) {
    try {
      return readFile(filePath).trim();
    } catch (error) {
      problems.push({ name: `${name}_FILE`, reason: `cannot read ${filePath}: ${(error as Error).message}` });
      return undefined;
    }
  }
  return direct === '' ? undefined : direct;
}

function parseInteger(
  raw: string,
  name: string,
  min: number,
  max: number,
  problems: ConfigProblem[],
): number | undefined {
  if (!/^\d+$/.test(raw.trim())) {
    problems.push({ name, reason: `must be a whole number between ${min} and ${max}, got "${raw}"` });
    return undefined;
  }
  const parsed = Number(raw);
  if (parsed < min || parsed > max) {
    problems.push({ name, reason: `must be between ${min} and ${max}, got ${parsed}` });
    return undefined;
  }
  return parsed;
}

function parseDatabase(
  raw: string | undefined,
  dataDir: string,
  problems: ConfigProblem[],
): DatabaseConfig | undefined {
  if (raw === undefined) return { kind: 'sqlite', file: resolve(dataDir, 'iotcheck.sqlite') };
  if (/^postgres(ql)?:\/\//.test(raw)) {
    try {
      new URL(raw);
      return { kind: 'postgres', url: raw };
    } catch {
      problems.push({ name: 'DATABASE_URL', reason: 'is not a valid postgres:// URL' });
      return undefined;
    }
  }
  if (raw.startsWith('sqlite:'))
    return { kind: 'sqlite', file: resolve(raw.slice('sqlite:'.length).replace(/^\/\//, '')) };
  problems.push({
    name: 'DATABASE_URL',
    reason: 'must start with postgres:// or sqlite: (leave unset for the SQLite file in DATA_DIR)',
  });
  return undefined;
}

/** EVIDENCE_STORE: `local` (default) or `postgres`, which needs the database to be PostgreSQL. */
function parseFileStore(
  raw: string | undefined,
  database: DatabaseConfig | undefined,
  problems: ConfigProblem[],
): FileStoreKind {
  const kind = FILE_STORE_KINDS.find((candidate) => candidate === (raw ?? 'local').trim());
  if (!kind) {
    problems.push({ name: 'EVIDENCE_STORE', reason: `must be one of ${FILE_STORE_KINDS.join(', ')}, got "${raw}"` });
    return 'local';
  }
  if (kind === 'postgres' && database?.kind === 'sqlite')
    problems.push({
      name: 'EVIDENCE_STORE',
      reason: 'postgres keeps files in the database and needs DATABASE_URL=postgres://…; SQLite uses local',
    });
  return kind;
}

function parseLogLevel(raw: string, problems: ConfigProblem[]): LogLevel {
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level) problems.push({ name: 'LOG_LEVEL', reason: `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"` });
  return level ?? 'info';
}

function parsePublicUrl(
  raw: string | undefined,
  host: string,
  port: number,
  problems: ConfigProblem[],
): URL | undefined {
  const text = raw ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      problems.push({ name: 'PUBLIC_URL', reason: 'must be an http:// or https:// URL' });
      return undefined;
    }
    return url;
  } catch {
    problems.push({ name: 'PUBLIC_URL', reason: `is not a valid URL: "${text}"` });
    return undefined;
  }
}

/**
 * TRUST_PROXY: unset, "" or "false" is off; a whole number is a hop count ("0" is off); otherwise a
 * comma-separated list of IP addresses and CIDR ranges. "true" (trust any sender) is refused: any
 * client could then choose the address that throttling and the audit trail record.
 */
function parseTrustProxy(raw: string | undefined, problems: ConfigProblem[]): TrustProxy {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 32) return hops;
    problems.push({ name: 'TRUST_PROXY', reason: `a hop count must be between 0 and 32, got ${hops}` });
    return false;
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.filter((entry) => !isAddressOrRange(entry));
  if (invalid.length > 0) {
    problems.push({
      name: 'TRUST_PROXY',
      reason:
        'must be a hop count or comma-separated IP addresses / CIDR ranges; ' +
        `not valid: ${invalid.map((entry) => `"${entry}"`).join(', ')}`,
    });
    return false;
  }
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** METRICS_TOKEN: unset is off; otherwise 16–256 visible ASCII characters, so a guessable word is refused. */
function parseMetricsToken(raw: string | undefined, problems: ConfigProblem[]): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{16,256}$/.test(raw)) {
    problems.push({
      name: 'METRICS_TOKEN',
      reason: 'must be 16 to 256 visible ASCII characters (no spaces), e.g. from `openssl rand -hex 32`',
    });
    return undefined;
  }
  return raw;
}

const OIDC_ROLES = ['admin', 'assessor', 'viewer', 'provider'] as const;

function parseOidc(value: (name: string) => string | undefined, problems: ConfigProblem[]): OidcConfig | undefined {
  const issuer = value('OIDC_ISSUER');
  const clientId = value('OIDC_CLIENT_ID');
  const clientSecret = value('OIDC_CLIENT_SECRET');
  if (issuer === undefined) {
    if (clientId !== undefined || clientSecret !== undefined)
      problems.push({ name: 'OIDC_ISSUER', reason: 'is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set' });
    return undefined;
  }
  let issuerUrl: URL | undefined;
  try {
    issuerUrl = new URL(issuer);
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(issuerUrl.hostname);
    if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && loopback))
      problems.push({ name: 'OIDC_ISSUER', reason: 'must be https:// (http:// only on loopback, for tests)' });
  } catch {
    problems.push({ name: 'OIDC_ISSUER', reason: `is not a valid URL: "${issuer}"` });
  }
  if (!clientId) problems.push({ name: 'OIDC_CLIENT_ID', reason: 'is required when OIDC_ISSUER is set' });
  if (!clientSecret)
    problems.push({
      name: 'OIDC_CLIENT_SECRET',
      reason: 'is required when OIDC_ISSUER is set (use OIDC_CLIENT_SECRET_FILE)',
    });
  const role = value('OIDC_DEFAULT_ROLE') ?? 'viewer';
  const defaultRole = OIDC_ROLES.find((candidate) => candidate === role);
  if (!defaultRole)
    problems.push({ name: 'OIDC_DEFAULT_ROLE', reason: `must be one of ${OIDC_ROLES.join(', ')} (never owner)` });
  if (!issuerUrl || !clientId || !clientSecret || !defaultRole) return undefined;
  return {
    issuer: issuerUrl,
    clientId,
    clientSecret,
    defaultOrganisation: value('OIDC_DEFAULT_ORGANISATION'),
    defaultRole,
  };
}

/** The language for terminal messages, from LANG / LC_ALL / LC_MESSAGES: Japanese when it starts with "ja". */
export function detectTerminalLanguage(env: Environment): 'ja' | 'en' {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
