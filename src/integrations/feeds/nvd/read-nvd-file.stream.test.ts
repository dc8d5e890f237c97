import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { readNvdFile } from './read-nvd-file';

// A generated NVD JSON 2.0 feed of ~200 MB is read record by record with a bounded heap: the
// reader never holds the file. The bound (160 MB of heap) is below the file's size, far below
// what JSON.parse of the whole file would need (the text plus its objects, > 600 MB).

const TARGET_BYTES = 200 * 1024 * 1024;
const HEAP_BOUND = 160 * 1024 * 1024;

const dir = mkdtempSync(join(tmpdir(), 'iotcheck-nvd-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function record(index: number): string {
  const cve = {
    id: `CVE-2026-${String(100000 + index)}`,
    sourceIdentifier: 'cve@example.org',
    published: '2026-01-01T00:00:00.000',
    lastModified: '2026-01-02T00:00:00.000',
    vulnStatus: 'Analyzed',
    descriptions: [
      { lang: 'en', value: `Generated record ${index}. ${'A long description of a made-up flaw. '.repeat(30)}` },
    ],
    metrics: {
      cvssMetricV31: [
        {
          source: 'nvd@nist.gov',
          type: 'Primary',
          cvssData: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 },
        },
      ],
    },
    configurations: [
      {
        operator: 'AND',
        nodes: [
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [
              {
                vulnerable: true,
                criteria: `cpe:2.3:o:vendor${index % 97}:model${index % 5000}_firmware:*:*:*:*:*:*:*:*`,
                versionEndExcluding: `1.${index % 10}.0`,
                matchCriteriaId: String(index),
              },
            ],
          },
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [
              {
                vulnerable: false,
                criteria: `cpe:2.3:h:vendor${index % 97}:model${index % 5000}:-:*:*:*:*:*:*:*`,
                matchCriteriaId: 'h',
              },
            ],
          },
        ],
      },
    ],
    references: [{ url: `https://example.org/advisories/${index}` }],
  };
  return JSON.stringify({ cve });
}

async function writeFeed(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write(
    '{"resultsPerPage":0,"startIndex":0,"totalResults":0,"format":"NVD_CVE","version":"2.0","timestamp":"2026-01-03T00:00:00.000","vulnerabilities":[',
  );
  let written = 0;
  let count = 0;
  while (written < TARGET_BYTES) {
    const chunk = (count === 0 ? '' : ',') + record(count);
    written += chunk.length;
    count += 1;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(']}');
  await once(out, 'finish');
  return count;
}

describe('readNvdFile streaming', () => {
  it('reads a ~200 MB feed with a bounded heap', { timeout: 600_000 }, async () => {
    const file = join(dir, 'nvdcve-2.0-generated.json');
    const count = await writeFeed(file);
    expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET_BYTES);
    let read = 0;
    let peak = process.memoryUsage().heapUsed;
    let last: string | undefined;
    for await (const advisory of readNvdFile(file)) {
      read += 1;
      last = advisory.trackingId;
      if (read % 500 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      if (read === 1) expect(advisory.rules[0]!.groups).toHaveLength(2);
    }
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    console.log(
      `nvd streaming: ${count} records, ${(statSync(file).size / 1048576).toFixed(0)} MB file, heap peak ${(peak / 1048576).toFixed(1)} MB`,
    );
    expect(read).toBe(count);
    expect(last).toBe(`CVE-2026-${String(100000 + count - 1)}`);
    expect(peak).toBeLessThan(HEAP_BOUND);
  });
});
