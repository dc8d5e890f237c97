/** One component of an SBOM, as the store keeps it (`sbom_component`). `version` is '' when the SBOM gives none. */
export interface SbomComponent {
  readonly name: string;
  readonly version: string;
  readonly purl?: string;
  readonly cpe?: string;
}

/** An SBOM file after reading and validation. */
export interface ParsedSbom {
  readonly format: 'cyclonedx' | 'spdx';
  /** "1.4" … "1.6" for CycloneDX, "2.3" for SPDX. */
  readonly specVersion: string;
  readonly encoding: 'json' | 'xml' | 'tag-value';
  readonly components: readonly SbomComponent[];
}
