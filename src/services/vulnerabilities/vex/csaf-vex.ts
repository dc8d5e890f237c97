import type { NotAffectedJustification, TriageStatus } from '../../../core/vulnerabilities/match.types';
import { targetName, targetRef, validCves, type VexDocumentInfo, type VexStatement } from './vex-statement';

// CSAF 2.0 VEX (profile csaf_vex): the models and devices are full product names; one vulnerability
// per CVE (CSAF allows each CVE once per document, mandatory test 6.1.23), or per advisory when it
// names none. The mandatory VEX tests need a note on the document and on each vulnerability, an
// external reference, an impact statement (flag or impact threat) for every known_not_affected
// product and an action statement (remediation) for every known_affected one.

type CsafStatus = 'known_affected' | 'under_investigation' | 'fixed' | 'known_not_affected';

const STATUS: Readonly<Record<TriageStatus, CsafStatus>> = {
  exploitable: 'known_affected',
  in_triage: 'under_investigation',
  resolved: 'fixed',
  not_affected: 'known_not_affected',
  false_positive: 'known_not_affected',
};
/** When two advisories of one CVE say different things of a product, the more concerning wins. */
const PRIORITY: readonly CsafStatus[] = ['known_affected', 'under_investigation', 'fixed', 'known_not_affected'];

/** CycloneDX justifications → CSAF VEX flag labels (section 3.2.3.5 of CSAF 2.0). */
export const CSAF_FLAG_LABELS: Readonly<Record<NotAffectedJustification, string>> = {
  code_not_present: 'vulnerable_code_not_present',
  code_not_reachable: 'vulnerable_code_not_in_execute_path',
  requires_configuration: 'vulnerable_code_cannot_be_controlled_by_adversary',
  requires_dependency: 'component_not_present',
  requires_environment: 'vulnerable_code_cannot_be_controlled_by_adversary',
  protected_by_compiler: 'inline_mitigations_already_exist',
  protected_at_runtime: 'inline_mitigations_already_exist',
  protected_at_perimeter: 'inline_mitigations_already_exist',
  protected_by_mitigating_control: 'inline_mitigations_already_exist',
};

const SOURCE_NAMES: Readonly<Record<string, string>> = { nvd: 'NVD', jvn: 'JVN', csaf: 'CSAF', osv: 'OSV' };
const VEX_PROFILE_URL = 'https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#45-profile-5-vex';

/** The CSAF 2.0 csaf_vex document (a JSON object) of the statements. */
export function buildCsafVex(info: VexDocumentInfo, statements: readonly VexStatement[]): Record<string, unknown> {
  const productIds = new Map<string, { product_id: string; name: string }>();
  for (const statement of statements) {
    const ref = targetRef(statement.target);
    if (!productIds.has(ref))
      productIds.set(ref, { product_id: `IOTCHECK-${productIds.size + 1}`, name: targetName(statement.target) });
  }

  // Group by CVE (or by advisory without one); within a group, one statement per product.
  const groups = new Map<string, { cve: string | null; statements: Map<string, VexStatement> }>();
  for (const statement of statements) {
    const cves = validCves(statement.advisory);
    const keys = cves.length > 0 ? cves : [`${statement.advisory.source}:${statement.advisory.trackingId}`];
    for (const key of keys) {
      let group = groups.get(key);
      if (!group) {
        group = { cve: cves.length > 0 ? key : null, statements: new Map() };
        groups.set(key, group);
      }
      const product = productIds.get(targetRef(statement.target))!.product_id;
      const known = group.statements.get(product);
      if (!known || PRIORITY.indexOf(STATUS[statement.status]) < PRIORITY.indexOf(STATUS[known.status]))
        group.statements.set(product, statement);
    }
  }

  const at = info.generatedAt.toISOString();
  return {
    document: {
      category: 'csaf_vex',
      csaf_version: '2.0',
      lang: 'en',
      title: `VEX of ${info.organisationName}`,
      publisher: { category: 'user', name: info.organisationName, namespace: info.publisherUrl },
      notes: [
        {
          category: 'summary',
          title: 'Scope',
          text: `The triage of vulnerabilities recorded in iotcheck by ${info.organisationName} for its device models and devices.`,
        },
      ],
      references: [{ category: 'external', summary: 'CSAF 2.0 profile VEX', url: VEX_PROFILE_URL }],
      tracking: {
        id: `iotcheck-vex-${info.organisationId}-${at.slice(0, 10)}`,
        status: 'final',
        version: '1',
        initial_release_date: at,
        current_release_date: at,
        revision_history: [{ date: at, number: '1', summary: 'Exported from iotcheck.' }],
        generator: { date: at, engine: { name: 'iotcheck' } },
      },
    },
    product_tree: { full_product_names: [...productIds.values()] },
    vulnerabilities: [...groups.values()].map((group) => vulnerability(group.cve, group.statements)),
  };
}

function vulnerability(cve: string | null, byProduct: ReadonlyMap<string, VexStatement>): Record<string, unknown> {
  const entries = [...byProduct.entries()];
  const advisories = [
    ...new Map(entries.map(([, s]) => [`${s.advisory.source}:${s.advisory.trackingId}`, s.advisory])).values(),
  ];
  const productStatus: Partial<Record<CsafStatus, string[]>> = {};
  const flags = new Map<string, string[]>();
  const threats: Record<string, unknown>[] = [];
  const remediations: Record<string, unknown>[] = [];
  for (const [product, statement] of entries) {
    const status = STATUS[statement.status];
    (productStatus[status] ??= []).push(product);
    if (status === 'known_not_affected') {
      if (statement.justification) {
        const label = CSAF_FLAG_LABELS[statement.justification];
        flags.set(label, [...(flags.get(label) ?? []), product]);
      }
      const reason =
        statement.status === 'false_positive'
          ? 'The match is a false positive.'
          : `Not affected: ${statement.justification ?? 'no justification recorded'}.`;
      threats.push({
        category: 'impact',
        details: statement.detail ? `${reason} ${statement.detail}` : reason,
        product_ids: [product],
      });
    }
    if (status === 'known_affected')
      remediations.push({
        category: 'none_available',
        details: statement.detail || 'Affected and exploitable; no remediation is recorded yet.',
        product_ids: [product],
      });
  }
  const titles = advisories.map((advisory) => advisory.title).filter((title) => title.length > 0);
  const urls = [...new Set(advisories.flatMap((advisory) => advisory.references))].filter((url) =>
    /^https?:\/\//.test(url),
  );
  return {
    ...(cve ? { cve } : {}),
    ids: advisories.map((advisory) => ({
      system_name: SOURCE_NAMES[advisory.source] ?? advisory.source,
      text: advisory.trackingId,
    })),
    notes: [
      {
        category: 'description',
        title: 'Advisory',
        text: titles.length > 0 ? titles.join('\n') : advisories.map((advisory) => advisory.trackingId).join(', '),
      },
    ],
    ...(urls.length > 0
      ? { references: urls.slice(0, 20).map((url) => ({ category: 'external', summary: 'Advisory', url })) }
      : {}),
    product_status: Object.fromEntries(
      PRIORITY.filter((status) => productStatus[status]).map((s) => [s, productStatus[s]]),
    ),
    ...(flags.size > 0 ? { flags: [...flags].map(([label, product_ids]) => ({ label, product_ids })) } : {}),
    ...(threats.length > 0 ? { threats } : {}),
    ...(remediations.length > 0 ? { remediations } : {}),
  };
}
