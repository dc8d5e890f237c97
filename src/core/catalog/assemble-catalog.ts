import { DomainError, type ProblemDetail } from '../domain-error';
import type { CatalogSources, CategorySource, FrameworkSource, SupersessionSource } from './catalog-source.types';
import type {
  Catalog,
  CatalogNode,
  Crosswalk,
  Framework,
  FrameworkKind,
  GuidelineDocument,
  LocalizedText,
  NodeKind,
  NotCovered,
} from './catalog.types';
import { addGuidelineGroups } from './add-guideline-tree';
import type { AddNode, MutableNode } from './catalog-builder.types';
import { hashFrameworkContent } from './content-hash';
import { resolveCrosswalkLinks, resolveNotCovered } from './resolve-crosswalk-file';

/** Joins a framework id and a code into a node id: `jssec-v2:25.1`. */
export function nodeId(frameworkId: string, code: string): string {
  return `${frameworkId}:${code}`;
}

/**
 * Resolves the files' contents into one catalog: ids, parents, order, crosswalks both ways and
 * a content hash per framework. Every broken reference is collected with its file and path;
 * if there is any, nothing is returned (never a half-built catalog).
 */
export function assembleCatalog(sources: CatalogSources): Catalog {
  const problems: ProblemDetail[] = [];
  const nodes = new Map<string, MutableNode>();
  const frameworkSources = new Map<string, FrameworkSource>();

  const addNode: AddNode = (node, file, path) => {
    if (nodes.has(node.id)) {
      problems.push({ file, path, reason: `duplicate id ${node.id}` });
      return undefined;
    }
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    const created: MutableNode = { ...node, order: parent ? parent.childIds.length + 1 : 0, childIds: [] };
    nodes.set(node.id, created);
    parent?.childIds.push(node.id);
    return created;
  };

  for (const [index, framework] of sources.frameworks.entries()) {
    if (frameworkSources.has(framework.id)) {
      problems.push({ file: framework.file, path: 'id', reason: `framework ${framework.id} is defined twice` });
      continue;
    }
    frameworkSources.set(framework.id, framework);
    addFrameworkTree(framework, index, addNode);
    addGuidelineGroups(framework.id, framework.groups, framework.file, addNode);
  }
  for (const groupFile of sources.groupFiles) {
    const framework = frameworkSources.get(groupFile.framework);
    if (framework?.kind !== 'guideline') {
      problems.push({
        file: groupFile.file,
        path: 'framework',
        reason: framework
          ? `${groupFile.framework} is not a guideline framework; groups belong to kind: guideline`
          : `unknown framework ${groupFile.framework}`,
      });
      continue;
    }
    addGuidelineGroups(groupFile.framework, groupFile.groups, groupFile.file, addNode);
  }

  for (const itemFile of sources.itemFiles) {
    const framework = frameworkSources.get(itemFile.framework);
    if (!framework || framework.kind === 'guideline') {
      problems.push({
        file: itemFile.file,
        path: 'framework',
        reason: framework
          ? `${itemFile.framework} is a guideline: its items-*.yaml hold groups`
          : `unknown framework ${itemFile.framework}`,
      });
      continue;
    }
    for (const [index, item] of itemFile.items.entries()) {
      const categoryId = nodeId(itemFile.framework, item.category);
      if (nodes.get(categoryId)?.kind !== 'category') {
        problems.push({
          file: itemFile.file,
          path: `items[${index}].category`,
          reason: `no category ${item.category} in ${itemFile.framework}`,
        });
        continue;
      }
      const code = String(item.number);
      const created = addNode(
        {
          id: nodeId(itemFile.framework, code),
          frameworkId: itemFile.framework,
          code,
          kind: 'item',
          parentId: categoryId,
          title: item.title,
          explanation: item.explanation,
          tags: item.tags,
        },
        itemFile.file,
        `items[${index}].number`,
      );
      if (!created) continue;
      item.checks.forEach((check, checkIndex) =>
        addNode(
          {
            id: nodeId(itemFile.framework, `${code}.${checkIndex + 1}`),
            frameworkId: itemFile.framework,
            code: `${code}.${checkIndex + 1}`,
            kind: 'check',
            parentId: created.id,
            title: check,
          },
          itemFile.file,
          `items[${index}].checks[${checkIndex}]`,
        ),
      );
    }
  }
  sortItemsByNumber(nodes);

  const crosswalks: Crosswalk[] = [];
  for (const framework of frameworkSources.values()) {
    crosswalks.push(...lineageCrosswalks(framework, nodes, problems));
  }
  const frameworkKinds = new Map<string, FrameworkKind>(
    [...frameworkSources.values()].map((framework) => [framework.id, framework.kind]),
  );
  for (const file of sources.crosswalkFiles)
    crosswalks.push(...resolveCrosswalkLinks(file, frameworkKinds, nodes, problems));
  reportDuplicateLinks(crosswalks, problems);
  const linked = new Set(
    crosswalks.map((link) => `${link.sourceId.slice(0, link.sourceId.indexOf(':'))}|${link.targetId}`),
  );
  const declared = new Set<string>();
  const notCovered: NotCovered[] = sources.crosswalkFiles.flatMap((file) =>
    resolveNotCovered(file, nodes, linked, declared, problems),
  );
  const documents = checkDocuments(sources, frameworkSources, problems);

  if (problems.length > 0) {
    throw new DomainError(
      'CATALOG_INVALID',
      `The catalog is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}).`,
      problems,
    );
  }

  const frameworks = new Map<string, Framework>();
  for (const source of frameworkSources.values()) {
    const functionIds = source.functions.map((fn) => nodeId(source.id, fn.code));
    const frameworkNodes = [...nodes.values()].filter((node) => node.frameworkId === source.id);
    const outgoing = crosswalks.filter((link) => link.sourceId.startsWith(`${source.id}:`));
    const { file: _file, functions: _functions, groups: _groups, successor: _successor, version, ...meta } = source;
    const contentHash = hashFrameworkContent({
      meta: { ...meta, version },
      nodes: frameworkNodes,
      crosswalks: outgoing,
    });
    const rootIds =
      source.kind === 'guideline'
        ? [...nodes.values()]
            .filter((node) => node.frameworkId === source.id && node.kind === 'group')
            .map((node) => node.id)
        : functionIds;
    frameworks.set(source.id, { ...meta, version: version ?? source.date, contentHash, functionIds: rootIds });
  }
  return {
    frameworks,
    nodes,
    crosswalks,
    crosswalksFrom: groupBy(crosswalks, (link) => link.sourceId),
    crosswalksTo: groupBy(crosswalks, (link) => link.targetId),
    documents,
    notCovered,
  };
}

/** Documents by id; a duplicate id, or a framework named on one side only, is reported. */
function checkDocuments(
  sources: CatalogSources,
  frameworks: ReadonlyMap<string, FrameworkSource>,
  problems: ProblemDetail[],
): Map<string, GuidelineDocument> {
  const documents = new Map<string, GuidelineDocument>();
  for (const { file, ...document } of sources.documents) {
    if (documents.has(document.id))
      problems.push({ file, path: 'id', reason: `document ${document.id} is defined twice` });
    if (!file.endsWith(`/${document.id}.yaml`) && !file.endsWith(`/${document.id}.yml`))
      problems.push({
        file,
        path: 'id',
        reason: `the file is not named for its id: expected guidelines/${document.id}.yaml`,
      });
    document.frameworks.forEach((frameworkId, index) => {
      const framework = frameworks.get(frameworkId);
      if (!framework) problems.push({ file, path: `frameworks[${index}]`, reason: `unknown framework ${frameworkId}` });
      else if (framework.document !== undefined && framework.document !== document.id) {
        problems.push({
          file,
          path: `frameworks[${index}]`,
          reason: `${frameworkId} names document ${framework.document}, not ${document.id}`,
        });
      }
    });
    documents.set(document.id, document);
  }
  for (const framework of frameworks.values()) {
    if (framework.document !== undefined && !documents.has(framework.document)) {
      problems.push({
        file: framework.file,
        path: 'document',
        reason: `unknown document ${framework.document} (expected catalog/guidelines/${framework.document}.yaml)`,
      });
    }
  }
  return documents;
}

function addFrameworkTree(framework: FrameworkSource, _index: number, addNode: AddNode): void {
  const base = (code: string, kind: NodeKind, parentId: string | null, title: LocalizedText) => ({
    id: nodeId(framework.id, code),
    frameworkId: framework.id,
    code,
    kind,
    parentId,
    title,
  });
  framework.functions.forEach((fn, fnIndex) => {
    const fnNode = addNode(
      { ...base(fn.code, 'function', null, fn.title), ...(fn.text ? { text: fn.text } : {}) },
      framework.file,
      `functions[${fnIndex}].code`,
    );
    if (!fnNode) return;
    fn.categories.forEach((category: CategorySource, categoryIndex) => {
      const path = `functions[${fnIndex}].categories[${categoryIndex}]`;
      const categoryNode = addNode(
        {
          ...base(category.code, 'category', fnNode.id, category.title),
          ...(category.text ? { text: category.text } : {}),
          ...supersessionOf(category.superseded),
        },
        framework.file,
        `${path}.code`,
      );
      if (!categoryNode) return;
      category.subcategories?.forEach((subcategory, subIndex) =>
        addNode(
          {
            ...base(subcategory.code, 'subcategory', categoryNode.id, subcategory.title),
            ...supersessionOf(subcategory.superseded),
          },
          framework.file,
          `${path}.subcategories[${subIndex}].code`,
        ),
      );
    });
  });
}

/** Keeps the codes as written; lineageCrosswalks resolves them against the successor framework. */
function supersessionOf(source: SupersessionSource | undefined): Pick<CatalogNode, 'superseded'> {
  return source
    ? { superseded: { reason: source.reason, to: [...source.to], inferred: source.inferred ?? false } }
    : {};
}

function sortItemsByNumber(nodes: Map<string, MutableNode>): void {
  for (const node of nodes.values()) {
    if (node.kind !== 'category' || node.childIds.length === 0) continue;
    const children = node.childIds
      .map((id) => nodes.get(id))
      .filter((child): child is MutableNode => child !== undefined);
    if (!children.every((child) => child.kind === 'item')) continue;
    children.sort((a, b) => Number(a.code) - Number(b.code));
    node.childIds = children.map((child) => child.id);
    children.forEach((child, index) => (child.order = index + 1));
  }
}

/**
 * A framework with a `successor` (CSF 1.1 → 2.0) links each category and subcategory to where it
 * went: superseded ones (withdrawn in the successor) to their destinations, kept ones to the same
 * code in the successor (two-digit numbering). A kept element with no counterpart is an error.
 */
function lineageCrosswalks(
  framework: FrameworkSource,
  nodes: Map<string, MutableNode>,
  problems: ProblemDetail[],
): Crosswalk[] {
  const successor = framework.successor;
  if (!successor) return [];
  const links: Crosswalk[] = [];
  const elements = [...nodes.values()].filter(
    (node) => node.frameworkId === framework.id && (node.kind === 'category' || node.kind === 'subcategory'),
  );
  for (const node of elements) {
    const path = pathOf(framework, node.code);
    if (node.superseded) {
      if (node.superseded.to.length === 0)
        problems.push({
          file: framework.file,
          path: `${path}.superseded.to`,
          reason: `${node.id} is superseded without a destination`,
        });
      const resolved: string[] = [];
      for (const code of node.superseded.to) {
        const targetId = nodeId(successor, code);
        if (!nodes.has(targetId)) {
          problems.push({ file: framework.file, path: `${path}.superseded.to`, reason: `no node ${targetId}` });
          continue;
        }
        resolved.push(targetId);
        const verb =
          node.superseded.reason === 'moved_to'
            ? { en: 'Moved to', ja: '移動先' }
            : { en: 'Incorporated into', ja: '統合先' };
        const inferred = node.superseded.inferred
          ? { en: ' (our reading; NIST names no codes)', ja: '（NIST はコードを示しておらず、iotcheck の解釈）' }
          : { en: '', ja: '' };
        const jaVerb = verb.ja === '移動先' ? '移動' : '統合';
        links.push({
          sourceId: node.id,
          targetId,
          relationship: node.superseded.reason === 'moved_to' ? 'equal' : 'subset',
          rationale: {
            en: `Superseded in CSF 2.0: ${verb.en.toLowerCase()} ${code}${inferred.en}.`,
            ja: `CSF 2.0 では ${code} に${jaVerb}され置き換えられた${inferred.ja}。`,
          },
          origin: 'lineage',
        });
      }
      nodes.set(node.id, { ...node, superseded: { ...node.superseded, to: resolved } });
      continue;
    }
    const successorCode = node.code.replace(/-(\d)$/, '-0$1');
    const targetId = nodeId(successor, successorCode);
    if (!nodes.has(targetId)) {
      problems.push({
        file: framework.file,
        path: `${path}.code`,
        reason: `${node.id} is neither superseded nor present in ${successor} as ${successorCode}`,
      });
      continue;
    }
    links.push({
      sourceId: node.id,
      targetId,
      relationship: 'related',
      rationale: { en: `Continues in CSF 2.0 as ${successorCode}.`, ja: `CSF 2.0 では ${successorCode} として継続。` },
      origin: 'lineage',
    });
  }
  return links;
}

function pathOf(framework: FrameworkSource, code: string): string {
  for (const [fnIndex, fn] of framework.functions.entries()) {
    for (const [categoryIndex, category] of fn.categories.entries()) {
      const categoryPath = `functions[${fnIndex}].categories[${categoryIndex}]`;
      if (category.code === code) return categoryPath;
      const subIndex = category.subcategories?.findIndex((sub) => sub.code === code) ?? -1;
      if (subIndex >= 0) return `${categoryPath}.subcategories[${subIndex}]`;
    }
  }
  return code;
}

function reportDuplicateLinks(crosswalks: readonly Crosswalk[], problems: ProblemDetail[]): void {
  const seen = new Set<string>();
  for (const link of crosswalks) {
    const key = `${link.sourceId}→${link.targetId}`;
    if (seen.has(key)) problems.push({ reason: `crosswalk ${key} is listed twice` });
    seen.add(key);
  }
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): ReadonlyMap<string, readonly T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(key(value));
    if (group) group.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}
