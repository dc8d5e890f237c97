import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SbomView } from '../../../contracts/vulnerabilities/sbom.schema';
import { FormError } from '../../components/form-error';
import { formatDateTime } from '../assessments/assessment-model';
import { useSbomComponents, useSboms, type SbomListFor } from './sbom-api';

/**
 * The SBOMs of the organisation or of one device: what each describes (a model or a device),
 * its format, file and component count; a row opens its components. On a device, a model SBOM is
 * marked as not used while the device has its own (matching takes the device's).
 */
export function SbomList({ target }: { target: SbomListFor }) {
  const { t } = useTranslation();
  const sboms = useSboms(target);
  const [open, setOpen] = useState<string>();
  const items = sboms.data?.items ?? [];
  const deviceHasOwn = target.kind === 'device' && items.some((sbom) => sbom.deviceId !== null);
  return (
    <div data-testid="sbom-list">
      <FormError error={sboms.error} />
      {sboms.isPending && <p role="status">{t('common.loading')}</p>}
      {sboms.data && items.length === 0 && (
        <p className="muted" data-testid="sbom-list-empty">
          {target.kind === 'device' ? t('vulnerabilities.sbom.emptyDevice') : t('vulnerabilities.sbom.empty')}
        </p>
      )}
      {items.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('vulnerabilities.sbom.describes')}</th>
              <th scope="col">{t('vulnerabilities.sbom.format')}</th>
              <th scope="col">{t('vulnerabilities.sbom.file')}</th>
              <th scope="col" className="number">
                {t('vulnerabilities.sbom.components')}
              </th>
              <th scope="col">{t('vulnerabilities.sbom.importedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('vulnerabilities.sbom.show')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((sbom) => (
              <Fragment key={sbom.id}>
                <tr data-testid="sbom-row">
                  <td>
                    <Describes sbom={sbom} />
                    {deviceHasOwn && sbom.deviceId === null && (
                      <span className="muted small-text"> {t('vulnerabilities.sbom.notUsed')}</span>
                    )}
                  </td>
                  <td>{`${sbom.format === 'spdx' ? 'SPDX' : 'CycloneDX'} ${sbom.specVersion}`}</td>
                  <td>
                    <span className="code" title={`sha256 ${sbom.sha256}`}>
                      {sbom.fileName}
                    </span>
                  </td>
                  <td className="number" data-testid="sbom-component-count">
                    {sbom.componentCount}
                  </td>
                  <td>{formatDateTime(sbom.importedAt)}</td>
                  <td>
                    <button
                      type="button"
                      aria-expanded={open === sbom.id}
                      onClick={() => setOpen(open === sbom.id ? undefined : sbom.id)}
                      data-testid="sbom-toggle"
                    >
                      {open === sbom.id ? t('vulnerabilities.sbom.hide') : t('vulnerabilities.sbom.show')}
                    </button>
                  </td>
                </tr>
                {open === sbom.id && (
                  <tr>
                    <td colSpan={6}>
                      <SbomComponents sbomId={sbom.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Describes({ sbom }: { sbom: SbomView }) {
  const { t } = useTranslation();
  const model = `${sbom.manufacturer} ${sbom.model}`.trim();
  if (sbom.deviceId === null) return <>{t('vulnerabilities.sbom.forModel', { model })}</>;
  return (
    <Link to={`/inventory/devices/${encodeURIComponent(sbom.deviceId)}?tab=vulnerabilities`}>
      {t('vulnerabilities.sbom.forDevice', { model })}
    </Link>
  );
}

/** The components of one SBOM, in file order, 200 at a time. */
function SbomComponents({ sbomId }: { sbomId: string }) {
  const { t } = useTranslation();
  const pages = useSbomComponents(sbomId);
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div data-testid="sbom-components">
      <FormError error={pages.error} />
      {pages.isPending && <p role="status">{t('common.loading')}</p>}
      {pages.data && rows.length === 0 && <p className="muted">{t('vulnerabilities.sbom.noComponents')}</p>}
      {rows.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('vulnerabilities.sbom.name')}</th>
              <th scope="col">{t('vulnerabilities.sbom.version')}</th>
              <th scope="col">purl</th>
              <th scope="col">CPE</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((component) => (
              <tr key={component.position} data-testid="sbom-component">
                <td>{component.name}</td>
                <td>{component.version || '—'}</td>
                <td className="code">{component.purl ?? '—'}</td>
                <td className="code">{component.cpe ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
          {pages.isFetchingNextPage ? t('vulnerabilities.loadingMore') : t('vulnerabilities.more')}
        </button>
      )}
    </div>
  );
}
