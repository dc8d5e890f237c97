import type { AdvisorySource } from '../../core/vulnerabilities/advisory.types';
import { fileProblem } from './feed-problems';
import { readHead } from './read-file-head';

// Which feed a file comes from, told by its first 64 KiB (a 2 GB NVD feed is never read whole to
// find out). Markers, in order: XML → MyJVN (VULDEF or JVNRSS); JSON with `csaf_version` → CSAF,
// unless MyJVN's schema or category says it is JVN's CSAF-shaped JSON; a MyJVN `feed` → JVN;
// NVD's `vulnerabilities` + `cve` (API 2.0 page or feed) or a lone `{"cve": …}` → NVD; an OSV
// record (`id` + `modified` + `affected`/`schema_version`) → OSV.

/** The advisory source of a file; VALIDATION_FAILED when it is none we read. */
export async function detectAdvisorySource(file: string): Promise<AdvisorySource> {
  const head = await readHead(file);
  const source = sourceOfHead(head);
  if (!source) {
    const reason = head.trim() === '' ? 'the file is empty' : 'not an NVD, JVN, CSAF or OSV advisory file';
    throw fileProblem(file, reason, head.trim() === '' ? 'file_empty' : 'bad_format');
  }
  return source;
}

/** The source its first bytes show, or undefined. Exported for tests. */
export function sourceOfHead(head: string): AdvisorySource | undefined {
  const start = head.trimStart();
  if (start.startsWith('<')) {
    return /<(?:[\w-]+:)?VULDEF-Document\b|jvn\.jp\/vuldef|jvndb\.jvn\.jp|jvn\.jp\/rss/.test(start) ? 'jvn' : undefined;
  }
  if (start.startsWith('[')) return osvMarkers(head) ? 'osv' : undefined;
  if (!start.startsWith('{')) return undefined;
  const myjvn = /myjvn/i.test(head);
  if (/"csaf_version"\s*:/.test(head)) return myjvn ? 'jvn' : 'csaf';
  if (myjvn && /"feed"\s*:/.test(head)) return 'jvn';
  if (/^\{\s*"cve"\s*:/.test(start)) return 'nvd';
  if (/"vulnerabilities"\s*:/.test(head) && /"(?:cve|NVD_CVE|resultsPerPage|sourceIdentifier)"/.test(head))
    return 'nvd';
  if (/"CVE_Items"\s*:/.test(head)) return 'nvd';
  if (osvMarkers(head)) return 'osv';
  return undefined;
}

function osvMarkers(head: string): boolean {
  return (
    /"id"\s*:/.test(head) &&
    /"modified"\s*:/.test(head) &&
    /"(?:affected|schema_version|withdrawn|aliases)"\s*:/.test(head)
  );
}
