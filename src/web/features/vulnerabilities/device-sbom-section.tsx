import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../api/permissions';
import { SbomList } from './sbom-list';
import { SbomUploadForm } from './sbom-upload-form';

/** The SBOMs that apply to one device (its own, then its model's), and an upload of its own SBOM. */
export function DeviceSbomSection({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  if (!can('inventory.read')) return null;
  return (
    <section className="panel" aria-labelledby="device-sbom-heading" data-testid="device-sboms">
      <h2 id="device-sbom-heading">{t('vulnerabilities.sbom.deviceTitle')}</h2>
      <SbomList target={{ kind: 'device', deviceId }} />
      {can('inventory.import') && <SbomUploadForm deviceId={deviceId} />}
    </section>
  );
}
