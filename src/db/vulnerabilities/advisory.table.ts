/** One advisory after import (see migration 20261204-0001-advisories). */
export interface AdvisoryTable {
  id: string;
  /** Null for the installation's feeds; an organisation's id for an advisory it uploaded. */
  organisation_id: string | null;
  /** '*' for the installation, else the organisation id: the unique key's first part. */
  scope_key: string;
  source: string;
  tracking_id: string;
  title: string;
  language: string;
  summary: string;
  /** JSON array of CVE ids. */
  cves: string;
  published: string | null;
  last_modified: string;
  severity_level: string | null;
  /** The highest CVSS base score the advisory carries. */
  cvss_score: number | null;
  kev_date_added: string | null;
  withdrawn: boolean | number;
  /** JSON of the NormalisedAdvisory (src/core/vulnerabilities/advisory.types.ts). */
  document: string;
  /** sha256 of `document`: an import that brings the same content changes nothing. */
  content_hash: string;
  /** Grows with every insert or change (advisory_revision_counter): re-matching reads what is newer. */
  revision: number | string | bigint;
  imported_at: string;
}

export interface AdvisoryRevisionCounterTable {
  id: number;
  revision: number | string | bigint;
}

/** An SBOM of a model (device_id null) or of one device. */
export interface SbomTable {
  id: string;
  organisation_id: string;
  manufacturer: string;
  model: string;
  device_id: number | string | null;
  /** 'cyclonedx' | 'spdx' */
  format: string;
  spec_version: string;
  file_name: string;
  sha256: string;
  component_count: number;
  imported_by: string;
  imported_at: string;
}

export interface SbomComponentTable {
  sbom_id: string;
  position: number;
  name: string;
  version: string;
  purl: string | null;
  cpe: string | null;
}
