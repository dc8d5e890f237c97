import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeviceFirmwareView, LatestFirmwareView } from '../../../contracts/vulnerabilities/firmware.schema';
import { getJson, sendJson } from '../../api/api-client';

const enc = encodeURIComponent;

const firmwareKeys = {
  all: ['firmware'] as const,
  list: ['firmware', 'latest'] as const,
  device: (deviceId: string) => ['firmware', 'device', deviceId] as const,
};

/** What the latest-firmware form sends. */
export interface LatestFirmwareRequest {
  readonly manufacturer: string;
  readonly model: string;
  readonly version: string;
  readonly releasedOn?: string;
  readonly source?: string;
}

/** The latest known firmware per manufacturer and model. */
export function useLatestFirmware() {
  return useQuery({
    queryKey: firmwareKeys.list,
    queryFn: ({ signal }) => getJson<{ items: LatestFirmwareView[] }>('/api/vulnerabilities/latest-firmware', signal),
  });
}

/** Records the latest firmware of a model; the lists, device standings and machine evidence refresh. */
export function useSetLatestFirmware() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: LatestFirmwareRequest) =>
      sendJson<LatestFirmwareView>('PUT', '/api/vulnerabilities/latest-firmware', request),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: firmwareKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['vulnerabilities', 'evidence'] });
    },
  });
}

/** One device's firmware against the latest known firmware of its model. */
export function useDeviceFirmware(deviceId: string) {
  return useQuery({
    queryKey: firmwareKeys.device(deviceId),
    queryFn: ({ signal }) => getJson<DeviceFirmwareView>(`/api/inventory/devices/${enc(deviceId)}/firmware`, signal),
  });
}
