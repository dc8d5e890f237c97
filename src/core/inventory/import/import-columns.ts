import type { DeviceFieldKey } from './device-field-key';
import { foldWord } from '../enum-aliases';

// The columns an inventory file may have: each canonical column (its English header, also the
// export's header), the device field it fills, how its cells are read, and the headers people
// actually write in Japanese and English spreadsheets.

export type CellKind =
  'text' | 'date' | 'number' | 'boolean' | 'enum' | 'enumList' | 'ipList' | 'macList' | 'cpeList' | 'tagList';

export interface ImportColumn {
  /** The canonical header (snake_case English), used by exports and column mappings. */
  readonly key: string;
  readonly field: DeviceFieldKey;
  readonly kind: CellKind;
  readonly aliases: readonly string[];
}

const column = (key: string, field: DeviceFieldKey, kind: CellKind, aliases: readonly string[] = []) =>
  ({ key, field, kind, aliases }) satisfies ImportColumn;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  column('asset_tag', 'assetTag', 'text', [
    '資産番号',
    '管理番号',
    '資産管理番号',
    '機器番号',
    'asset tag',
    'asset id',
    'tag',
  ]),
  column('name', 'name', 'text', ['機器名', '名称', '機器名称', 'デバイス名', 'device name', 'device']),
  column('class', 'deviceClass', 'enum', ['種別', '機器種別', '分類', 'device_class', 'type', 'category']),
  column('manufacturer', 'manufacturer', 'text', ['メーカー', '製造元', 'メーカー名', 'ベンダー', 'vendor', 'maker']),
  column('model', 'model', 'text', ['型番', 'モデル', '型式', '機種', 'model number']),
  column('hardware_version', 'hardwareVersion', 'text', ['ハードウェアバージョン', 'hwバージョン', 'hardware']),
  column('serial_number', 'serialNumber', 'text', ['シリアル番号', '製造番号', 'シリアル', 'serial', 's/n']),
  column('firmware_version', 'firmwareVersion', 'text', [
    'ファームウェア',
    'ファームウェアバージョン',
    'ファームウェア(バージョン)',
    'ファームウェア（バージョン）',
    'fw',
    'firmware',
  ]),
  column('firmware_updated_on', 'firmwareUpdatedOn', 'date', [
    'ファームウェア更新日',
    '最終更新日',
    'firmware updated',
  ]),
  column('ip_address', 'ipAddresses', 'ipList', ['ipアドレス', 'ip', 'ip addresses', 'ip_addresses']),
  column('mac_address', 'macAddresses', 'macList', ['macアドレス', 'mac', 'mac addresses', 'mac_addresses']),
  column('hostname', 'hostname', 'text', ['ホスト名', 'host']),
  column('network_zone', 'networkZone', 'text', ['ネットワークゾーン', 'ゾーン', 'セグメント', 'vlan', 'zone']),
  column('internet_exposure', 'internetExposure', 'enum', ['インターネット接続', 'インターネット公開', 'exposure']),
  column('location', 'site', 'text', ['設置場所', '所在地', '拠点', 'site', 'サイト']),
  column('building', 'building', 'text', ['建物', '棟']),
  column('floor', 'floor', 'text', ['階', 'フロア']),
  column('room', 'room', 'text', ['部屋', '室']),
  column('latitude', 'latitude', 'number', ['緯度', 'lat']),
  column('longitude', 'longitude', 'number', ['経度', 'lon', 'lng']),
  column('owner', 'owner', 'text', ['管理部門', '所管部署', '管理者', '所有者', '担当部署', 'department']),
  column('maintainer', 'maintainer', 'text', ['保守業者', '保守会社', '保守', 'maintenance provider']),
  column('criticality', 'criticality', 'enum', ['重要度', 'importance']),
  column('data_classes', 'dataClasses', 'enumList', ['取扱データ', '扱うデータ', 'data handled', 'data']),
  column('safety_relevant', 'safetyRelevant', 'boolean', ['安全関連', '安全', 'safety']),
  column('status', 'status', 'enum', ['状態', 'ステータス', '稼働状況', 'state']),
  column('disposal_method', 'disposalMethod', 'text', ['データ消去方法', '消去方法', 'disposal']),
  column('disposed_on', 'disposedOn', 'date', ['廃棄日']),
  column('installed_on', 'installedOn', 'date', ['設置日', '導入日', 'install date', 'installed']),
  column('acquisition', 'acquisition', 'enum', ['取得区分', '新品/中古', '購入区分', '調達区分']),
  column('end_of_support', 'supportUntil', 'date', [
    'サポート終了日',
    'サポート期限',
    'eol',
    'support_until',
    'support until',
    'end of support',
  ]),
  column('end_of_sale', 'endOfSale', 'date', ['販売終了日', 'eos']),
  column('end_of_life', 'endOfLife', 'date', ['製品寿命', '保守終了日', 'end of life']),
  column('cpe', 'cpes', 'cpeList', ['cpe名', 'cpes', 'cpe name', 'cpe names']),
  column('tags', 'tags', 'tagList', ['タグ', 'ラベル']),
];

const BY_HEADER: ReadonlyMap<string, ImportColumn> = new Map(
  IMPORT_COLUMNS.flatMap((col) => [col.key, col.field, ...col.aliases].map((header) => [foldHeader(header), col])),
);

/** Folds a header for lookup: NFKC, lower case, no spaces, underscores or brackets. */
export function foldHeader(header: string): string {
  return foldWord(header).replace(/[()（）［］[\]]/gu, '');
}

/** The canonical column a header names, if it names one. */
export function columnForHeader(header: string): ImportColumn | undefined {
  return BY_HEADER.get(foldHeader(header));
}

/** The canonical column with this key. */
export function columnByKey(key: string): ImportColumn | undefined {
  return IMPORT_COLUMNS.find((col) => col.key === key);
}
