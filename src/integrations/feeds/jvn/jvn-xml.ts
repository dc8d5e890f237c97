import { createXmlParser, parseXmlDocument } from '../parse-xml-document';

// MyJVN API responses are small XML documents (one page of an overview list, one VULDEF): they
// are parsed whole. Namespace prefixes are dropped (`sec:cpe` → `cpe`); elements that may repeat
// are always arrays, so readers never meet "one item = object, two = array".

const REPEATED = new Set([
  'Vulinfo',
  'AffectedItem',
  'VersionNumber',
  'Cpe',
  'Cvss',
  'ImpactItem',
  'SolutionItem',
  'RelatedItem',
  'item',
  'references',
  'cpe',
  'cvss',
]);

const parser = createXmlParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

/** Parses MyJVN XML; a malformed document is refused with its line and column. */
export function parseJvnXml(file: string, content: string): Record<string, unknown> {
  return parseXmlDocument(parser, file, content);
}

/** The text of an element that may carry attributes (`{ '#text': …, '@version': … }`) or be plain. */
export function xmlText(value: unknown): string | undefined {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['#text'] : value;
  if (typeof raw === 'number') return String(raw);
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}

/** An attribute of an element, or undefined. */
export function xmlAttribute(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = (value as Record<string, unknown>)[`@${name}`];
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined;
}
