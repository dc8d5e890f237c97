import type { Device } from '../../../core/inventory/device.types';
import type { DeviceChanges } from '../../api/inventory-queries';
import { FIELD_KINDS, type EditableField } from './device-fields';

/** The edit form's values: text for text-like fields, lists as space-separated text. */
export type DeviceDraft = Record<EditableField, string | boolean | readonly string[]>;

const FIELDS = Object.keys(FIELD_KINDS) as EditableField[];

/** The form's starting values from a stored device. */
export function draftFromDevice(device: Device): DeviceDraft {
  const draft = {} as DeviceDraft;
  for (const field of FIELDS) {
    const value = device[field];
    const kind = FIELD_KINDS[field];
    if (kind.type === 'list') draft[field] = (value as readonly string[]).join(' ');
    else if (kind.type === 'multi') draft[field] = value as readonly string[];
    else if (kind.type === 'boolean') draft[field] = Boolean(value);
    else draft[field] = value === null || value === undefined ? '' : String(value);
  }
  return draft;
}

function parse(field: EditableField, value: DeviceDraft[EditableField]): unknown {
  const kind = FIELD_KINDS[field];
  switch (kind.type) {
    case 'list':
      return String(value)
        .split(/[\s;]+/u)
        .filter(Boolean);
    case 'multi':
      return [...(value as readonly string[])];
    case 'boolean':
      return Boolean(value);
    case 'date':
      return String(value).trim() || null;
    case 'number': {
      const text = String(value).trim();
      return text === '' ? null : Number(text);
    }
    case 'enum':
    case 'text':
      return String(value).trim();
  }
}

/** Only the fields the draft changes, as the PATCH body wants them (lists split, blanks as null). */
export function changesFromDraft(device: Device, draft: DeviceDraft): DeviceChanges {
  const changes: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const next = parse(field, draft[field]);
    if (JSON.stringify(next) !== JSON.stringify(device[field] ?? null)) changes[field] = next;
  }
  return changes as DeviceChanges;
}
