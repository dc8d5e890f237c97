import { FeedProblems } from '../feeds/feed-problems';
import { createXmlParser, parseXmlDocument } from '../feeds/parse-xml-document';
import { purlProblem } from './purl-problem';
import type { ParsedSbom, SbomComponent } from './sbom.types';

// CycloneDX XML SBOMs (1.4–1.6). The library's XML validator needs a native XML binding
// (libxmljs2) that cannot be installed offline here, so the XML form is checked by hand against
// what the schema requires of what we read: the namespace names the version, every component has
// a type attribute and a name, versions/purls/cpes are plain text. Problems are located by XML path.

const NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(1\.[4-6])$/;
const COMPONENT_TYPES = new Set([
  'application',
  'framework',
  'library',
  'container',
  'platform',
  'operating-system',
  'device',
  'device-driver',
  'firmware',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
]);

const parser = createXmlParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === 'component',
});

/** Validates and reads a CycloneDX XML document; throws VALIDATION_FAILED when invalid. */
export function readCycloneDxXml(file: string, content: string): ParsedSbom {
  const root = parseXmlDocument(parser, file, content, '/');
  const problems = new FeedProblems(file);
  const bom = root['bom'];
  if (typeof bom !== 'object' || bom === null) {
    problems.add('/bom', 'bom', 'the root element must be a CycloneDX <bom>', 'missing');
    problems.throwIfAny('not a CycloneDX SBOM');
  }
  const element = bom as Record<string, unknown>;
  // The parser drops namespace declarations along with prefixes: read the root's from the text.
  const namespace = /<(?:[\w.-]+:)?bom\b[^>]*?\sxmlns(?::[\w.-]+)?="([^"]*)"/.exec(content)?.[1] ?? '';
  const specVersion = NAMESPACE.exec(namespace)?.[1];
  if (!specVersion) {
    problems.add(
      '/bom/@xmlns',
      'xmlns',
      `the namespace ${namespace || '(none)'} is not CycloneDX 1.4, 1.5 or 1.6`,
      'not_allowed_value',
      { allowed: '1.4, 1.5, 1.6' },
    );
  }
  const components: SbomComponent[] = [];
  collect(element['components'], '/bom/components', components, problems);
  problems.throwIfAny('not a valid CycloneDX SBOM');
  return { format: 'cyclonedx', specVersion: specVersion!, encoding: 'xml', components };
}

function collect(container: unknown, path: string, into: SbomComponent[], problems: FeedProblems): void {
  if (typeof container !== 'object' || container === null) return;
  const list = (container as Record<string, unknown>)['component'];
  (Array.isArray(list) ? list : []).forEach((component: unknown, index) => {
    const here = `${path}/component[${index + 1}]`;
    if (typeof component !== 'object' || component === null) {
      problems.add(here, 'name', 'a component needs a name', 'missing');
      return;
    }
    const record = component as Record<string, unknown>;
    const type = record['@type'];
    if (typeof type !== 'string')
      problems.add(`${here}/@type`, 'type', 'a component needs a type attribute', 'missing');
    else if (!COMPONENT_TYPES.has(type))
      problems.add(`${here}/@type`, 'type', `unknown component type ${type}`, 'not_allowed_value');
    const name = plain(record['name']);
    if (!name) problems.add(`${here}/name`, 'name', 'a component needs a name', 'missing');
    const purl = plain(record['purl']);
    const wrongPurl = purl === undefined ? undefined : purlProblem(purl);
    if (wrongPurl) problems.add(`${here}/purl`, 'purl', wrongPurl, 'bad_format');
    const cpe = plain(record['cpe']);
    if (name)
      into.push({ name, version: plain(record['version']) ?? '', ...(purl ? { purl } : {}), ...(cpe ? { cpe } : {}) });
    collect(record['components'], `${here}/components`, into, problems);
  });
}

function plain(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
