// The management report PDF (issue 12): the whole generation for a complete assessment (all 60
// items answered, findings, evidence, a previous assessment) — reading the data, laying out and
// rendering with the embedded fonts — beside a baseline: the same pdfmake document without the
// two charts, rendered from the same report model. Medians of several runs after a warm-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cliActor } from '../../src/core/auth/actor';
import { connectDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { insertOrganisation } from '../../src/db/organisation.repository';
import { loadCatalog } from '../../src/integrations/catalog/load-catalog';
import { managementReportLayout } from '../../src/integrations/exports/pdf/management-report-layout';
import { renderPdf } from '../../src/integrations/exports/pdf/render-pdf';
import { buildManagementReport } from '../../src/services/reports/build-management-report';
import { generateManagementReport } from '../../src/services/reports/generate-management-report';
import type { GeneratedReport } from '../../src/services/reports/generated-report';
import { reportBytes } from '../../src/testing/pdf-text';
import { seedReportAssessment } from '../../src/testing/seed-report-assessment';
import { report } from '../measure';

const RUNS = 7;
const WARM_UP = 2;

/** Median wall time of `fn` over RUNS runs after WARM_UP unmeasured ones, in ms. */
async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-bench-pdf-'));
const database = connectDatabase({ kind: 'sqlite', file: join(dir, 'iotcheck.sqlite') });
try {
  await migrateToLatest(database);
  await insertOrganisation(database.db, {
    id: 'bench',
    slug: 'bench',
    name: '株式会社ベンチ製作所',
    requireTotp: false,
    createdAt: new Date().toISOString(),
  });
  const deps = { database, clock: () => new Date(), catalog: loadCatalog() };
  const actor = { ...cliActor('bench'), organisationId: 'bench' };
  const { assessmentId } = await seedReportAssessment(deps, actor);
  const model = await buildManagementReport(deps, { actor, assessmentId });
  let size = 0;
  const full = (language: 'ja' | 'en', detailed: boolean) => async () => {
    const pdf: GeneratedReport = await generateManagementReport(deps, { actor, assessmentId, language, detailed });
    size = (await reportBytes(pdf)).length;
  };
  const withoutCharts = (language: 'ja' | 'en') => () =>
    renderPdf(managementReportLayout(model, { language, detailed: false, charts: false }));

  console.log(
    `\nmanagement report PDF: 60 items answered, 12 findings, 12 evidence; median of ${RUNS} after ${WARM_UP} warm-ups`,
  );
  const coldStarted = performance.now();
  await full('ja', false)();
  const coldMs = performance.now() - coldStarted;
  const ja = await medianMs(full('ja', false));
  const jaSize = size;
  report('report pdf ja (full)', ja, 'baseline: same document, no charts', await medianMs(withoutCharts('ja')));
  const en = await medianMs(full('en', false));
  report('report pdf en (full)', en, 'baseline: same document, no charts', await medianMs(withoutCharts('en')));
  const detailed = await medianMs(full('ja', true));
  report('report pdf ja --detailed', detailed, 'baseline: report pdf ja (full)', ja);
  console.log(
    `  first report in the process (loads pdfmake and the fonts): ${coldMs.toFixed(0)} ms; ` +
      `PDF size: ja ${(jaSize / 1024).toFixed(0)} KiB, ja detailed ${(size / 1024).toFixed(0)} KiB; goal < 2 s`,
  );
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
