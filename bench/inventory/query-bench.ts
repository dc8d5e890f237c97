// The device list, facets and search through the HTTP API (in-process requests: routing,
// validation, authorization, the query, serialisation) at the imported size, beside GET
// /api/health on the same path. Figures are p95 over repeated requests (p50 in brackets).
import type { DatabaseConfig } from '../../src/config/config';
import { connectDatabase } from '../../src/db/connect';
import { seedMember } from '../../src/testing/test-accounts';
import { createTestApp } from '../../src/testing/test-app';
import type { TestDatabase } from '../../src/testing/test-database';
import { report } from '../measure';

// Enough samples for the 95th percentile to be more than the second-worst one, within a time budget
// per query (a slow query stops at MIN_RUNS).
const RUNS = 200;
const MIN_RUNS = 20;
const BUDGET_MS = 10_000;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function measureQueries(config: DatabaseConfig, organisationId: string): Promise<void> {
  const opened = connectDatabase(config);
  const database: TestDatabase = { ...opened, url: '', destroy: () => opened.close() };
  const app = await createTestApp(database);
  try {
    const member = await seedMember(database, organisationId, 'viewer');
    const { cookie } = await member.session();
    const timed = async (url: string | (() => string)) => {
      const samples: number[] = [];
      const begun = performance.now();
      for (let run = 0; run <= RUNS; run += 1) {
        if (run > MIN_RUNS && performance.now() - begun > BUDGET_MS) break;
        const target = typeof url === 'string' ? url : url();
        const started = performance.now();
        const response = await app.inject({ method: 'GET', url: target, headers: { cookie } });
        const ms = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`${target}: ${response.statusCode} ${response.body}`);
        if (run > 0) samples.push(ms);
      }
      return { p95: percentile(samples, 95), p50: percentile(samples, 50) };
    };
    const health = await timed('/api/health');
    const show = (name: string, figure: { p95: number; p50: number }) =>
      report(`${name} p95 (p50 ${figure.p50.toFixed(1)})`, figure.p95, 'baseline: GET /api/health p95', health.p95);

    const makers = encodeURIComponent('日立');
    const first = await app.inject({
      method: 'GET',
      url: `/api/inventory/devices?limit=50&manufacturer=${makers}&sort=name`,
      headers: { cookie },
    });
    const next = (first.json() as { next: string | null }).next ?? '';
    show(
      'list: first page, filter+sort',
      await timed(`/api/inventory/devices?limit=50&manufacturer=${makers}&sort=name`),
    );
    show(
      'list: next page, filter+sort',
      await timed(`/api/inventory/devices?limit=50&manufacturer=${makers}&sort=name&after=${encodeURIComponent(next)}`),
    );
    show('list: page sorted by support', await timed('/api/inventory/devices?limit=50&sort=supportUntil&dir=desc'));
    show('facets: unfiltered', await timed('/api/inventory/facets'));
    show('facets: manufacturer filter', await timed(`/api/inventory/facets?manufacturer=${makers}`));
    let n = 0;
    show('search: asset tag prefix', await timed(() => `/api/inventory/devices?limit=50&q=D-00${100 + (n++ % 800)}`));
    show(
      'search: Japanese name prefix',
      await timed(`/api/inventory/devices?limit=50&q=${encodeURIComponent('大阪工場')}`),
    );
    show('search: IP prefix', await timed('/api/inventory/devices?limit=50&q=10.3.1'));
  } finally {
    await app.close();
    await opened.close();
  }
}
