import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** An item as printed in the JSSEC booklet's plain-text extraction. */
export interface SeedItem {
  readonly number: number;
  readonly title: string;
  readonly checks: readonly string[];
}

const SEEDS_DIR = new URL('../../../../shared/seeds/', import.meta.url).pathname;

/** The JSSEC seed text from ../shared/seeds, or undefined when the shared folder is absent. */
export function readChecksheetSeed(dir: string = SEEDS_DIR): string | undefined {
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir).find((file) => file.startsWith('000_'));
  return name ? readFileSync(join(dir, name), 'utf8') : undefined;
}

/**
 * Extracts "NN) title" headings and the "- ① …" lines that follow them. A paragraph ends an
 * item's list, so the circled numbers in the booklet's introduction are not mistaken for checks.
 */
export function parseChecksheetSeed(text: string): SeedItem[] {
  const items: { number: number; title: string; checks: string[] }[] = [];
  let open: { checks: string[] } | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const heading = /^(\d{2}) ?\)\s*(.+)$/.exec(line);
    const check = /^- [①②③④⑤⑥⑦⑧⑨]\s*(.+)$/.exec(line);
    if (heading) {
      const item = { number: Number(heading[1]), title: heading[2] ?? '', checks: [] };
      items.push(item);
      open = item;
    } else if (check && open) {
      open.checks.push(check[1] ?? '');
    } else {
      open = undefined;
    }
  }
  return items;
}
