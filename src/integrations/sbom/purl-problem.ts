import { PackageURL } from 'packageurl-js';

/**
 * Why `purl` is not a package URL (the purl specification, as packageurl-js parses it), or
 * undefined when it is one. An SBOM with a broken purl is refused rather than read: the
 * component would silently never match an advisory.
 */
export function purlProblem(purl: string): string | undefined {
  try {
    PackageURL.fromString(purl);
    return undefined;
  } catch (error) {
    return `not a package URL: ${error instanceof Error ? error.message.replace(/^Invalid purl: /, '') : 'unreadable'}`;
  }
}
