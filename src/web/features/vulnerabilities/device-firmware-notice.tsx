import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { FormError } from '../../components/form-error';
import { useDeviceFirmware } from './firmware-api';

/**
 * The device's firmware against the latest known firmware of its model: an alert when it is
 * behind, a quiet line when current, not comparable or when no latest version is recorded (with
 * a way to record one for members who may).
 */
export function DeviceFirmwareNotice({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const firmware = useDeviceFirmware(deviceId);
  const data = firmware.data;
  if (firmware.error) return <FormError error={firmware.error} />;
  if (!data) return null;
  const values = {
    current: data.firmwareVersion || t('vulnerabilities.firmware.device.blank'),
    latest: data.latest?.version ?? '',
    released: data.latest?.releasedOn
      ? t('vulnerabilities.firmware.device.released', { day: data.latest.releasedOn })
      : '',
  };
  const record = can('vulnerabilities.triage') && (
    <Link to="/vulnerabilities/firmware">{t('vulnerabilities.firmware.device.record')}</Link>
  );
  if (data.standing === 'behind')
    return (
      <p role="alert" className="notice notice-text" data-testid="device-firmware" data-standing="behind">
        <strong className="notice-title">{t('vulnerabilities.firmware.device.behindTitle')}</strong>
        {t('vulnerabilities.firmware.device.behind', values)}
      </p>
    );
  return (
    <p className="muted" data-testid="device-firmware" data-standing={data.standing}>
      {t(`vulnerabilities.firmware.device.${data.standing === 'no_record' ? 'noRecord' : data.standing}`, values)}{' '}
      {data.standing === 'no_record' && record}
    </p>
  );
}
