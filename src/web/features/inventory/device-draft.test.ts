import { describe, expect, it } from 'vitest';
import type { Device } from '../../../core/inventory/device.types';
import { changesFromDraft, draftFromDevice } from './device-draft';

const device: Device = {
  assetTag: 'CAM-001',
  name: '受付カメラ',
  deviceClass: 'camera',
  manufacturer: 'ACME',
  model: 'C-100',
  hardwareVersion: '',
  serialNumber: '',
  firmwareVersion: '1.0',
  firmwareUpdatedOn: null,
  ipAddresses: ['192.0.2.10', '192.0.2.11'],
  macAddresses: [],
  hostname: '',
  networkZone: '',
  internetExposure: 'unknown',
  site: '',
  building: '',
  floor: '',
  room: '',
  latitude: null,
  longitude: null,
  owner: '',
  maintainer: '',
  criticality: 'important',
  dataClasses: ['video_audio'],
  safetyRelevant: false,
  status: 'active',
  disposalMethod: '',
  disposedOn: null,
  installedOn: null,
  acquisition: 'new',
  supportUntil: '2027-03-31',
  endOfSale: null,
  endOfLife: null,
  cpes: [],
  tags: [],
  customFields: {},
  id: 7,
  maintainerProviderId: null,
  systemIds: [],
  version: 3,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: null,
  importId: null,
};

describe('the device edit form', () => {
  it('sends nothing when nothing changed', () => {
    expect(changesFromDraft(device, draftFromDevice(device))).toEqual({});
  });

  it('sends only the changed fields: lists split on spaces and semicolons, cleared dates as null', () => {
    const draft = {
      ...draftFromDevice(device),
      ipAddresses: '192.0.2.10; 192.0.2.12',
      supportUntil: '',
      site: ' 本社 ',
    };
    expect(changesFromDraft(device, draft)).toEqual({
      ipAddresses: ['192.0.2.10', '192.0.2.12'],
      supportUntil: null,
      site: '本社',
    });
  });
});
