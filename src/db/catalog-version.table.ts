/** Row of `catalog_version`: one catalog content the installation has loaded. */
export interface CatalogVersionTable {
  framework_id: string;
  version: string;
  content_hash: string;
  first_seen_at: string;
}
