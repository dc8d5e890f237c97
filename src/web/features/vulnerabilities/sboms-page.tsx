import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../api/permissions';
import { usePageTitle } from '../../components/use-page-title';
import { SbomList } from './sbom-list';
import { SbomUploadForm } from './sbom-upload-form';

/**
 * /vulnerabilities/sboms: upload an SBOM for a model (a device's own SBOM is uploaded on the
 * device's page) and see every SBOM of the organisation with its components.
 */
export function SbomsPage() {
  const { t } = useTranslation();
  usePageTitle(t('vulnerabilities.sbom.title'));
  const permissions = usePermissions();
  if (permissions.isLoading) return null;
  if (!permissions.can('inventory.read')) return <p role="alert">{t('errors.FORBIDDEN')}</p>;
  return (
    <div className="sboms-page">
      <p>
        <Link to="/vulnerabilities">← {t('vulnerabilities.advisory.back')}</Link>
      </p>
      <h1>{t('vulnerabilities.sbom.title')}</h1>
      <p className="muted">{t('vulnerabilities.sbom.lead')}</p>
      {permissions.can('inventory.import') && (
        <section className="panel" aria-labelledby="sbom-upload-heading">
          <h2 id="sbom-upload-heading">{t('vulnerabilities.sbom.uploadTitle')}</h2>
          <SbomUploadForm />
        </section>
      )}
      <section className="panel" aria-labelledby="sbom-list-heading">
        <h2 id="sbom-list-heading">{t('vulnerabilities.sbom.listTitle')}</h2>
        <SbomList target={{ kind: 'all' }} />
      </section>
    </div>
  );
}
