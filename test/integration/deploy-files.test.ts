import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../../src/config/config';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface ComposeService {
  readonly image?: string;
  readonly build?: string;
  readonly environment?: Record<string, string>;
  readonly ports?: string[];
  readonly volumes?: string[];
  readonly depends_on?: Record<string, { condition: string }>;
}

// No container daemon here: this checks what `docker compose config` would, and that the files agree.
describe('Dockerfile, compose.yaml and the nginx config', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;
  const servers = Object.entries(services).filter(([, service]) => service.build === '.');

  it('runs two iotcheck servers, PostgreSQL and a load balancer that forwards to both', () => {
    expect(servers.map(([name]) => name).sort()).toEqual(['iotcheck-1', 'iotcheck-2']);
    expect(services['postgres']?.image).toMatch(/^postgres:\d+/);
    expect(services['loadbalancer']?.ports).toEqual(['8080:80']);
    const nginx = read('deploy/nginx.conf');
    for (const [name] of servers) expect(nginx).toContain(`server ${name}:8080`);
    expect(services['loadbalancer']?.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
  });

  it('gives every server the same database, PostgreSQL files, metrics token and sealing key, and only names config.ts reads', () => {
    const configSource = read('src/config/config.ts');
    for (const [name, service] of servers) {
      const env = service.environment ?? {};
      expect(env, name).toMatchObject({
        DATABASE_URL: expect.stringMatching(/^postgres:\/\/iotcheck:.*@postgres:5432\/iotcheck$/),
        EVIDENCE_STORE: 'postgres',
        METRICS_TOKEN: expect.stringContaining('METRICS_TOKEN'),
        SECRET_KEY: expect.stringContaining('SECRET_KEY'),
        HOST: '0.0.0.0',
        PORT: '8080',
      });
      for (const variable of Object.keys(env)) {
        expect(configSource, `${name}: ${variable}`).toContain(`'${variable}'`);
      }
      expect(service.depends_on?.['postgres']?.condition).toBe('service_healthy');
    }
  });

  it('has server settings that parse as a valid configuration', () => {
    const env = { ...servers[0]![1].environment };
    const result = parseConfig({
      ...env,
      DATABASE_URL: 'postgres://iotcheck:secret@postgres:5432/iotcheck',
      METRICS_TOKEN: 'f'.repeat(64),
      SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'http://localhost:8080',
    });
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.config.trustProxy).toBe(1);
  });

  it('builds on node:20-bookworm-slim, runs as a non-root user and checks liveness on /api/health', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile.match(/^FROM node:20-bookworm-slim/gm)).toHaveLength(2);
    expect(dockerfile).toContain('npm rebuild better-sqlite3 --build-from-source');
    expect(dockerfile).toMatch(/^USER iotcheck$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health/m);
    expect(dockerfile).toContain('CMD ["node", "dist/server/main.js", "serve"]');
    expect(read('package.json')).toContain('"start": "npm run build && node bin/iotcheck.js serve"');
  });
});
