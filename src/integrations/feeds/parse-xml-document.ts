import { XMLValidator, type X2jOptions, XMLParser } from 'fast-xml-parser';
import { fileProblem } from './feed-problems';

/**
 * Deepest element nesting read from a feed or SBOM document. Honest ones nest a dozen levels;
 * the parser recurses per level, so a hostile document 100,000 levels deep is refused here.
 */
export const MAX_XML_DEPTH = 100;

/** An XML parser with the depth limit and without DOCTYPEs (so no entity expansion). */
export function createXmlParser(options: X2jOptions): XMLParser {
  return new XMLParser({ ...options, maxNestedTags: MAX_XML_DEPTH });
}

/**
 * Parses a whole small XML document (`path` locates problems, `/` or `$`). A DOCTYPE, text that
 * is not well-formed (with its line and column) or nesting deeper than MAX_XML_DEPTH is refused
 * with a located VALIDATION_FAILED; nothing else escapes.
 */
export function parseXmlDocument(
  parser: XMLParser,
  file: string,
  content: string,
  path = '$',
): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(content)) throw fileProblem(file, 'XML with a DOCTYPE is not accepted', 'bad_format', path);
  const valid = XMLValidator.validate(content);
  if (valid !== true)
    throw fileProblem(
      file,
      `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`,
      'bad_format',
      path,
    );
  try {
    return parser.parse(content) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /nested/i.test(message)
      ? `elements nested deeper than ${MAX_XML_DEPTH} levels`
      : `not readable as XML: ${message}`;
    throw fileProblem(file, reason, 'bad_format', path);
  }
}
