import type { TreeFunction } from '../../../contracts/catalog.schema';

export const CHECKSHEET_ID = 'jssec-v2';

export type TreeCategory = TreeFunction['children'][number];
export type TreeItem = TreeCategory['children'][number];

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨'];

/** ① for the first check point, as on the printed sheet. */
export function circled(index: number): string {
  return CIRCLED[index] ?? `(${index + 1})`;
}

/** "01" … "60", as the sheet numbers its items. */
export function itemLabel(code: string): string {
  return code.padStart(2, '0');
}

/** Every item of the tree with its function and category, in sheet order. */
export function flattenItems(
  functions: readonly TreeFunction[],
): { fn: TreeFunction; category: TreeCategory; item: TreeItem }[] {
  return functions.flatMap((fn) =>
    fn.children.flatMap((category) => category.children.map((item) => ({ fn, category, item }))),
  );
}
