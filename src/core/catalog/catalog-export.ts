import type { Language, LocalizedText } from './catalog.types';
import type { FrameworkTree, LinkView, TreeNode } from './framework-tree';

/** A text in both languages, or in one when the export asked for one. */
export type ExportText = LocalizedText | string;

const pick = (text: LocalizedText, lang?: Language): ExportText => (lang ? text[lang] : { ja: text.ja, en: text.en });

/** The export document: framework → functions → categories → items → checks (or subcategories). */
export function toExportDocument(tree: FrameworkTree, lang?: Language): Record<string, unknown> {
  const { framework } = tree;
  const link = (view: LinkView) => ({ id: view.id, title: pick(view.title, lang), relationship: view.relationship, rationale: pick(view.rationale, lang) });
  const explanation = (node: TreeNode) => {
    if (!node.explanation) return undefined;
    const { why, consider, note } = node.explanation;
    const inLanguage = (language: Language) => ({ why: why[language], consider: consider[language], ...(note ? { note: note[language] } : {}) });
    return lang ? inLanguage(lang) : { ja: inLanguage('ja'), en: inLanguage('en') };
  };
  const leaf = (node: TreeNode): Record<string, unknown> => ({
    id: node.id,
    ...(node.kind === 'item' ? { number: Number(node.code) } : { code: node.code }),
    title: pick(node.title, lang),
    ...(node.explanation ? { explanation: explanation(node) } : {}),
    ...(node.tags ? { tags: node.tags } : {}),
    ...(node.withdrawn ? { withdrawn: node.withdrawn } : {}),
    ...(node.csf20 ? { csf20: node.csf20.map(link) } : {}),
    ...(node.kind === 'item' ? { checks: node.children.map((check) => ({ id: check.id, title: pick(check.title, lang) })) } : {}),
  });
  return {
    framework: {
      id: framework.id,
      title: pick(framework.title, lang),
      version: framework.version,
      ...(framework.edition ? { edition: pick(framework.edition, lang) } : {}),
      publisher: pick(framework.publisher, lang),
      date: framework.date,
      source: lang ? framework.source[lang] : framework.source,
      contentHash: framework.contentHash,
    },
    functions: tree.functions.map((fn) => ({
      id: fn.id,
      code: fn.code,
      title: pick(fn.title, lang),
      ...(fn.text ? { text: pick(fn.text, lang) } : {}),
      categories: fn.children.map((category) => ({
        id: category.id,
        code: category.code,
        title: pick(category.title, lang),
        ...(category.text ? { text: pick(category.text, lang) } : {}),
        ...(category.withdrawn ? { withdrawn: category.withdrawn } : {}),
        [category.children[0]?.kind === 'subcategory' ? 'subcategories' : 'items']: category.children.map(leaf),
      })),
    })),
  };
}

/** One row per node in tree order, for spreadsheets: the checksheet's columns, flattened. */
export function toExportRows(tree: FrameworkTree, lang?: Language): Record<string, string>[] {
  const languages: readonly Language[] = lang ? [lang] : ['ja', 'en'];
  const rows: Record<string, string>[] = [];
  const visit = (node: TreeNode, path: { fn: string; category: string; item: string }) => {
    const row: Record<string, string> = { id: node.id, kind: node.kind, function: path.fn, category: path.category, item: path.item, code: node.code };
    for (const language of languages) {
      row[`title_${language}`] = node.title[language];
      row[`explanation_${language}`] = node.explanation
        ? [node.explanation.why[language], node.explanation.consider[language], node.explanation.note?.[language]].filter(Boolean).join('\n\n')
        : '';
    }
    row['csf20'] = (node.csf20 ?? []).map((view) => `${view.code} (${view.relationship})`).join('; ');
    rows.push(row);
    const next =
      node.kind === 'function' ? { ...path, fn: node.code } : node.kind === 'category' ? { ...path, category: node.code } : node.kind === 'item' ? { ...path, item: node.code } : path;
    node.children.forEach((child) => visit(child, next));
  };
  tree.functions.forEach((fn) => visit(fn, { fn: '', category: '', item: '' }));
  return rows;
}
