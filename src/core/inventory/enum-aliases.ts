import {
  ACQUISITIONS,
  DATA_CLASSES,
  DEVICE_CLASSES,
  DEVICE_STATUSES,
  INTERNET_EXPOSURES,
  type DataClass,
} from './device.types';
import { CRITICALITIES } from '../assessment/assessment.types';

// The words people type in spreadsheets for each enumeration, in Japanese and English, mapped
// to the stored code. Matching folds case, full-width letters and spaces (see `foldWord`).

type Aliases = Readonly<Record<string, readonly string[]>>;

const CLASS_ALIASES: Aliases = {
  sensor: ['センサー', 'センサ'],
  camera: ['カメラ', '監視カメラ', 'ネットワークカメラ', 'ipカメラ'],
  gateway: ['ゲートウェイ', 'gw'],
  controller: ['コントローラ', 'コントローラー', 'plc', '制御装置', '制御機器'],
  actuator: ['アクチュエータ', 'アクチュエーター'],
  meter: ['メーター', 'メータ', '計測器', 'スマートメーター'],
  medical: ['医療機器'],
  vehicle: ['車両', '車載機器'],
  building: ['ビル設備', '設備機器', 'ビル管理'],
  network: ['ネットワーク機器', 'ルーター', 'ルータ', 'スイッチ'],
  other: ['その他'],
};

const STATUS_ALIASES: Aliases = {
  planned: ['計画中', '導入予定', '予定'],
  in_stock: ['在庫', '在庫中', '未使用', 'in stock', 'stock'],
  active: ['稼働中', '運用中', '使用中', '稼働', '運用'],
  spare: ['予備', '予備機'],
  retired: ['退役', '停止', '運用停止', '使用停止'],
  disposed: ['廃棄済', '廃棄済み', '廃棄'],
};

const EXPOSURE_ALIASES: Aliases = {
  none: ['なし', '無し', '閉域'],
  outbound: ['外向きのみ', '発信のみ', 'アウトバウンド'],
  inbound: ['公開', '外部公開', 'インバウンド', '受信あり'],
  unknown: ['不明'],
};

const DATA_CLASS_ALIASES: Aliases = {
  personal: ['個人情報', 'pii'],
  confidential: ['機密情報', '機密'],
  control: ['制御情報', '制御'],
  telemetry: ['計測データ', 'テレメトリ', 'センサーデータ'],
  video_audio: ['映像', '音声', '映像・音声', '映像音声', 'video', 'audio', 'video/audio'],
};

const CRITICALITY_ALIASES: Aliases = {
  critical: ['最重要', '重大', 'high', '高'],
  important: ['重要', 'medium', '中'],
  supporting: ['補助', '一般', 'low', '低'],
};

const ACQUISITION_ALIASES: Aliases = {
  new: ['新品'],
  second_hand: ['中古', '中古品', 'second-hand', 'secondhand', 'used'],
  unknown: ['不明'],
};

/** Folds a word for lookup: NFKC (full-width → half-width), lower case, no spaces/underscores. */
export function foldWord(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・]+/gu, '');
}

function lookup<T extends string>(codes: readonly T[], aliases: Aliases): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldWord(code), code);
    for (const alias of aliases[code] ?? []) map.set(foldWord(alias), code);
  }
  return map;
}

export const ENUM_LOOKUPS = {
  deviceClass: lookup(DEVICE_CLASSES, CLASS_ALIASES),
  status: lookup(DEVICE_STATUSES, STATUS_ALIASES),
  internetExposure: lookup(INTERNET_EXPOSURES, EXPOSURE_ALIASES),
  criticality: lookup(CRITICALITIES, CRITICALITY_ALIASES),
  acquisition: lookup(ACQUISITIONS, ACQUISITION_ALIASES),
  dataClasses: lookup<DataClass>(DATA_CLASSES, DATA_CLASS_ALIASES),
} as const;

export type EnumField = keyof typeof ENUM_LOOKUPS;

/** The accepted codes of an enumeration field, for error messages. */
export function enumCodes(field: EnumField): string[] {
  return [...new Set(ENUM_LOOKUPS[field].values())];
}
