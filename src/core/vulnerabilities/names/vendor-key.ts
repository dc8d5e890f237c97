import { foldCompanyName, foldText } from './fold-name';
import { VENDOR_ALIASES } from './vendor-aliases';

const CANONICAL = new Map<string, string>();
for (const [canonical, ...aliases] of VENDOR_ALIASES) {
  const key = foldCompanyName(canonical!);
  for (const name of [canonical!, ...aliases]) CANONICAL.set(foldCompanyName(name), key);
}

/** The canonical key of a vendor name: folded, then mapped through the alias table (日立 → "hitachi"). */
export function vendorKey(name: string): string {
  const folded = foldCompanyName(name);
  return CANONICAL.get(folded) ?? folded;
}

/** The key of a product or model name: folded text ("CAM-100" and "ｃａｍ １００" → "cam100"). */
export function productKey(name: string): string {
  return foldText(name);
}
