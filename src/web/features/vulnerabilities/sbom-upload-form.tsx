import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LocatedProblems } from '../../components/located-problems';
import { useSbomUpload } from './sbom-api';

/**
 * Uploads a CycloneDX (JSON/XML) or SPDX 2.3 file for a model (manufacturer and model entered
 * here) or for one device (`deviceId`). A refused file shows each located problem (file, path or
 * line, reason); an accepted one shows how many components were stored and how many matching can
 * use. An upload replaces the earlier SBOM of the same model or device.
 */
export function SbomUploadForm({ deviceId }: { deviceId?: string }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File>();
  const [manufacturer, setManufacturer] = useState('');
  const [model, setModel] = useState('');
  const upload = useSbomUpload();
  const forModel = deviceId === undefined;
  const ready = file !== undefined && (!forModel || model.trim() !== '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file || !ready) return;
    upload.mutate({
      file,
      target: forModel
        ? { kind: 'model', manufacturer: manufacturer.trim(), model: model.trim() }
        : { kind: 'device', deviceId },
    });
  };

  return (
    <>
      <p className="muted">
        {forModel ? t('vulnerabilities.sbom.uploadLeadModel') : t('vulnerabilities.sbom.uploadLeadDevice')}
      </p>
      <form onSubmit={submit} className="stacked-form" data-testid="sbom-upload-form">
        {forModel && (
          <div className="inline-form">
            <label>
              {t('vulnerabilities.sbom.manufacturer')}
              <input
                value={manufacturer}
                maxLength={200}
                onChange={(event) => setManufacturer(event.currentTarget.value)}
                data-testid="sbom-manufacturer"
              />
            </label>
            <label>
              {t('vulnerabilities.sbom.model')}
              <input
                value={model}
                maxLength={200}
                required
                onChange={(event) => setModel(event.currentTarget.value)}
                data-testid="sbom-model"
              />
            </label>
          </div>
        )}
        <label>
          {t('vulnerabilities.sbom.file')}
          <input
            type="file"
            name="file"
            accept=".json,.xml,.spdx,application/json,application/xml,text/xml"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0]);
              upload.reset();
            }}
            data-testid="sbom-file"
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={!ready || upload.isPending} data-testid="sbom-upload">
            {upload.isPending ? t('vulnerabilities.sbom.uploading') : t('vulnerabilities.sbom.upload')}
          </button>
        </div>
        <LocatedProblems error={upload.error} testId="sbom-upload" />
        {upload.data && (
          <p role="status" className="notice notice-text" data-testid="sbom-upload-result">
            {t(upload.data.replaced ? 'vulnerabilities.sbom.acceptedReplaced' : 'vulnerabilities.sbom.accepted', {
              file: upload.data.fileName,
              count: upload.data.componentCount,
              identified: upload.data.identifiedComponents,
            })}
            <br />
            {t('vulnerabilities.sbom.matchAgain')}
          </p>
        )}
      </form>
    </>
  );
}
