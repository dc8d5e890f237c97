import { isObject } from '../feeds/feed-problems';
import { fileProblem } from '../feeds/feed-problems';
import { parseJsonText, readWholeText } from '../feeds/read-file-head';
import { readCycloneDxJson } from './cyclonedx-json';
import { readCycloneDxXml } from './cyclonedx-xml';
import type { ParsedSbom } from './sbom.types';
import { readSpdxJson, readSpdxTagValue } from './spdx';

export type { ParsedSbom, SbomComponent } from './sbom.types';

/**
 * Reads an SBOM file: CycloneDX 1.4–1.6 (JSON or XML) or SPDX 2.3 (JSON or tag-value), told by
 * its content. The whole file is validated before anything is returned: an invalid SBOM throws
 * VALIDATION_FAILED whose details locate each problem (file, JSON or XML path, field, reason)
 * and no component is returned.
 */
export async function readSbomFile(file: string): Promise<ParsedSbom> {
  const content = await readWholeText(file);
  const start = content.trimStart();
  if (start.startsWith('<')) return readCycloneDxXml(file, content);
  if (start.startsWith('{')) {
    const document = parseJsonText(file, content);
    if (isObject(document) && document['bomFormat'] === 'CycloneDX') return readCycloneDxJson(file, document, content);
    if (isObject(document) && 'spdxVersion' in document) return readSpdxJson(file, document);
    throw fileProblem(file, 'not a CycloneDX (bomFormat) or SPDX (spdxVersion) JSON document', 'bad_format');
  }
  if (/^(?:SPDXVersion|DataLicense|SPDXID):/m.test(start)) return readSpdxTagValue(file, content);
  throw fileProblem(file, 'not an SBOM: CycloneDX JSON/XML or SPDX 2.3 JSON/tag-value expected', 'bad_format');
}
