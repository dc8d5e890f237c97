import { FeedProblems, array, isObject, jsonPath, text } from '../feeds/feed-problems';
import type { ParsedSbom, SbomComponent } from './sbom.types';

// SPDX 2.3 SBOMs, JSON and tag-value. No npm package ships the SPDX 2.3 document schema, so the
// members the SPDX 2.3 schema requires are checked here (spdxVersion, SPDXID, name,
// dataLicense, documentNamespace, creationInfo with created and creators; every package with
// SPDXID, name and downloadLocation); the tests also hold the fixtures against the official
// schema. Components are the packages: versionInfo, and purl / cpe from externalRefs
// (PACKAGE-MANAGER purl, SECURITY cpe23Type or cpe22Type).

/** Validates and reads an SPDX 2.3 JSON document; throws VALIDATION_FAILED when invalid. */
export function readSpdxJson(file: string, document: Record<string, unknown>): ParsedSbom {
  const problems = new FeedProblems(file);
  const version = text(document['spdxVersion']);
  if (version !== 'SPDX-2.3')
    problems.add(
      '$.spdxVersion',
      'spdxVersion',
      `spdxVersion must be SPDX-2.3, not ${version ?? '(none)'}`,
      version ? 'not_allowed_value' : 'missing',
      { allowed: 'SPDX-2.3' },
    );
  for (const field of ['SPDXID', 'name', 'dataLicense', 'documentNamespace']) {
    if (!text(document[field])) problems.add(jsonPath('$', field), field, `the document needs ${field}`, 'missing');
  }
  const creation = document['creationInfo'];
  if (!isObject(creation)) problems.add('$.creationInfo', 'creationInfo', 'the document needs creationInfo', 'missing');
  else {
    if (!text(creation['created']))
      problems.add('$.creationInfo.created', 'created', 'creationInfo needs created', 'missing');
    if (array(creation['creators']).length === 0)
      problems.add('$.creationInfo.creators', 'creators', 'creationInfo needs at least one creator', 'missing');
  }
  if (document['packages'] !== undefined && !Array.isArray(document['packages']))
    problems.add('$.packages', 'packages', 'packages must be an array', 'bad_format');
  const components: SbomComponent[] = [];
  array(document['packages']).forEach((pkg, index) => {
    const path = jsonPath('$.packages', index);
    if (!isObject(pkg)) {
      problems.add(path, undefined, 'a package must be an object', 'bad_format');
      return;
    }
    for (const field of ['SPDXID', 'name', 'downloadLocation']) {
      if (!text(pkg[field])) problems.add(jsonPath(path, field), field, `a package needs ${field}`, 'missing');
    }
    const name = text(pkg['name']);
    if (!name) return;
    const refs = array(pkg['externalRefs']).filter(isObject);
    const locator = (types: readonly string[]): string | undefined =>
      text(refs.find((ref) => types.includes(String(ref['referenceType'])))?.['referenceLocator']);
    const purl = locator(['purl']);
    const cpe = locator(['cpe23Type', 'cpe22Type']);
    components.push({
      name,
      version: text(pkg['versionInfo']) ?? '',
      ...(purl ? { purl } : {}),
      ...(cpe ? { cpe } : {}),
    });
  });
  problems.throwIfAny('not a valid SPDX 2.3 document');
  return { format: 'spdx', specVersion: '2.3', encoding: 'json', components };
}

/** Reads an SPDX 2.3 tag-value document (`Tag: value` lines, `PackageName` starting a package). */
export function readSpdxTagValue(file: string, content: string): ParsedSbom {
  const problems = new FeedProblems(file);
  const lines = content.split(/\r?\n/);
  let version: string | undefined;
  const components: { name: string; version: string; purl?: string; cpe?: string; line: number }[] = [];
  lines.forEach((line, index) => {
    const match = /^([A-Za-z]+):\s*(.*)$/.exec(line.trim());
    if (!match) return;
    const [, tag, value] = match as unknown as [string, string, string];
    if (tag === 'SPDXVersion') version = value.trim();
    else if (tag === 'PackageName') components.push({ name: value.trim(), version: '', line: index + 1 });
    else if (components.length > 0) {
      const current = components[components.length - 1]!;
      if (tag === 'PackageVersion') current.version = value.trim();
      else if (tag === 'ExternalRef') {
        const [, type, locator] = value.trim().split(/\s+/);
        if (type === 'purl' && locator) current.purl = locator;
        if ((type === 'cpe23Type' || type === 'cpe22Type') && locator) current.cpe = locator;
      }
    }
  });
  if (version !== 'SPDX-2.3')
    problems.add(
      'line 1',
      'SPDXVersion',
      `SPDXVersion must be SPDX-2.3, not ${version ?? '(none)'}`,
      version ? 'not_allowed_value' : 'missing',
    );
  for (const component of components)
    if (component.name === '') problems.add(`line ${component.line}`, 'PackageName', 'a package needs a name', 'blank');
  problems.throwIfAny('not a valid SPDX 2.3 document');
  return {
    format: 'spdx',
    specVersion: '2.3',
    encoding: 'tag-value',
    components: components.map(({ name, version: componentVersion, purl, cpe }) => ({
      name,
      version: componentVersion,
      ...(purl ? { purl } : {}),
      ...(cpe ? { cpe } : {}),
    })),
  };
}
