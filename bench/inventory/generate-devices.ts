import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// A seeded, reproducible inventory CSV for the import bench: Japanese sites, names and owners,
// several manufacturers and models, addresses, support dates and CPE names.

const SITES = [
  '東京本社',
  '大阪工場',
  '名古屋工場',
  '福岡物流センター',
  '札幌支店',
  '横浜研究所',
  '仙台倉庫',
  '広島工場',
];
const MAKERS = [
  ['日立', 'hitachi'],
  ['Panasonic', 'panasonic'],
  ['Axis', 'axis'],
  ['Siemens', 'siemens'],
  ['オムロン', 'omron'],
  ['三菱電機', 'mitsubishielectric'],
  ['Cisco', 'cisco'],
  ['Hikvision', 'hikvision'],
] as const;
const CLASSES = [
  ['camera', 'カメラ'],
  ['sensor', '温度センサー'],
  ['gateway', 'ゲートウェイ'],
  ['controller', 'PLC'],
  ['meter', '電力メーター'],
  ['building', '空調コントローラ'],
] as const;
const OWNERS = ['設備管理部', '情報システム部', '生産技術部', '総務部'];
const STATUSES = ['稼働中', '稼働中', '稼働中', '予備', '在庫', '計画中'];

export const HEADER = [
  'asset_tag,name,class,manufacturer,model,serial_number,firmware_version,ip_address,mac_address',
  'location,building,floor,owner,end_of_support,status,cpe',
].join(',');

/** A small deterministic generator (mulberry32) so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** The CSV line of device `i` (0-based). */
export function deviceLine(i: number, next: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const [maker, vendor] = pick(MAKERS);
  const [cls, label] = pick(CLASSES);
  const site = pick(SITES);
  const model = `${vendor.slice(0, 2).toUpperCase()}-${100 + Math.floor(next() * 40)}`;
  const firmware = `${1 + Math.floor(next() * 4)}.${Math.floor(next() * 10)}.${Math.floor(next() * 20)}`;
  const year = 2025 + Math.floor(next() * 6);
  const support = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-28`;
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const mac = `02:00:${hex((i >> 24) & 255)}:${hex((i >> 16) & 255)}:${hex((i >> 8) & 255)}:${hex(i & 255)}`;
  const cpe = `cpe:2.3:h:${vendor}:${model.toLowerCase()}:-:*:*:*:*:*:*:*`;
  const tag = `D-${String(i + 1).padStart(7, '0')}`;
  const name = `${site} ${label} ${i + 1}`;
  const building = `${1 + Math.floor(next() * 5)}号棟`;
  const floor = `${1 + Math.floor(next() * 8)}F`;
  const serial = `SN${(i * 7919) % 100000000}`;
  const cells = [tag, name, cls, maker, model, serial, firmware, ip, mac, site, building, floor];
  return `${[...cells, pick(OWNERS), support, pick(STATUSES), cpe].join(',')}\n`;
}

/** Writes `count` devices to `path` (UTF-8, header row first). */
export async function generateDevicesCsv(path: string, count: number, seed = 11): Promise<void> {
  const out = createWriteStream(path);
  const next = random(seed);
  out.write(`${HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += deviceLine(i, next);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
