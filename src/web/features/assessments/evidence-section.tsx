import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client';
import {
  assessmentApi,
  assessmentKeys,
  evidenceDownloadUrl,
  useEvidenceLimits,
  useItemEvidence,
} from '../../api/assessment-queries';
import { FormError } from '../../components/form-error';
import { formatBytes, formatDateTime } from './assessment-model';

type Upload = {
  name: string;
  size: number;
  state: 'uploading' | 'done' | 'failed' | 'refused';
  error?: unknown;
  refusal?: 'empty' | 'tooLarge';
};

/**
 * The item's evidence: files (drop them on the zone or pick them with the file input), links and
 * short texts. Files are uploaded one after another and linked to the item at once.
 */
export function EvidenceSection({
  assessmentId,
  itemId,
  editable,
}: {
  assessmentId: string;
  itemId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const evidence = useItemEvidence(assessmentId, itemId);
  const limits = useEvidenceLimits().data;
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [entryKind, setEntryKind] = useState<'link' | 'text'>('link');
  const [entryError, setEntryError] = useState<unknown>();
  const [unlinkError, setUnlinkError] = useState<unknown>();
  const uploadList = useRef<HTMLUListElement>(null);
  // Keep the upload results in sight: a failure (too large) must not hide below the fold.
  useEffect(() => {
    if (uploads.length > 0) uploadList.current?.scrollIntoView?.({ block: 'nearest' });
  }, [uploads]);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: assessmentKeys.evidence(assessmentId, itemId) }),
      queryClient.invalidateQueries({ queryKey: assessmentKeys.detail(assessmentId) }),
    ]);

  const upload = async (files: readonly File[]) => {
    if (!editable || files.length === 0) return;
    // Refused before sending: an empty file, or one over the server's limit (no point uploading 500 MB to hear no).
    const refusalOf = (file: File): Upload['refusal'] =>
      file.size === 0 ? 'empty' : limits && file.size > limits.maxBytes ? 'tooLarge' : undefined;
    setUploads(
      files.map((file) => {
        const refusal = refusalOf(file);
        return {
          name: file.name,
          size: file.size,
          state: refusal ? 'refused' : 'uploading',
          ...(refusal ? { refusal } : {}),
        };
      }),
    );
    for (const [index, file] of files.entries()) {
      if (refusalOf(file)) continue;
      const update = (patch: Partial<Upload>) =>
        setUploads((previous) =>
          previous.map((entry, position) => (position === index ? { ...entry, ...patch } : entry)),
        );
      try {
        await assessmentApi.uploadEvidence(queryClient, { file, title: file.name, assessmentId, itemId });
        update({ state: 'done' });
      } catch (error) {
        update({ state: 'failed', error });
      }
    }
    await refresh();
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void upload([...event.dataTransfer.files]);
  };

  const submitEntry = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const title = String(form.get('title')).trim();
    const content = String(form.get('content') ?? '').trim();
    setEntryError(undefined);
    try {
      const created = await assessmentApi.createEntry(
        entryKind === 'link' ? { kind: 'link', title, url: content } : { kind: 'text', title, body: content },
      );
      await assessmentApi.linkEvidence(assessmentId, itemId, created.id);
      formElement.reset();
      await refresh();
    } catch (error) {
      setEntryError(error);
    }
  };

  const unlink = async (evidenceId: string) => {
    setUnlinkError(undefined);
    try {
      await assessmentApi.unlinkEvidence(assessmentId, itemId, evidenceId);
      await refresh();
    } catch (error) {
      setUnlinkError(error);
    }
  };

  const list = evidence.data?.evidence ?? [];
  return (
    <section aria-labelledby="evidence-heading" className="drawer-section" data-testid="evidence-section">
      <h3 id="evidence-heading">
        {t('evidence.title')} <span className="chip-count">{list.length}</span>
      </h3>
      <FormError error={evidence.error ?? unlinkError} />
      {list.length === 0 ? (
        <p className="muted">{t('evidence.empty')}</p>
      ) : (
        <ul className="evidence-list" data-testid="evidence-list">
          {list.map((entry) => (
            <li key={entry.id} data-testid="evidence-entry">
              <span className={`badge kind-${entry.kind}`}>{t(`evidence.kinds.${entry.kind}`)}</span>{' '}
              {entry.kind === 'file' ? (
                <a href={evidenceDownloadUrl(entry.id)} download={entry.originalName ?? undefined}>
                  {entry.title}
                </a>
              ) : entry.kind === 'link' && entry.url ? (
                <a href={entry.url} target="_blank" rel="noopener noreferrer">
                  {entry.title}
                </a>
              ) : (
                <strong>{entry.title}</strong>
              )}
              <span className="muted">
                {' '}
                {[entry.mediaType, formatBytes(entry.sizeBytes), formatDateTime(entry.createdAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {(entry.kind === 'text' || entry.kind === 'questionnaire') && entry.body && (
                <p className="evidence-body" data-testid={`evidence-body-${entry.kind}`}>
                  {entry.body}
                </p>
              )}
              {entry.sha256 && <code className="summary">sha256 {entry.sha256.slice(0, 16)}…</code>}
              {editable && (
                <button
                  type="button"
                  className="small"
                  onClick={() => void unlink(entry.id)}
                  aria-label={t('evidence.unlinkNamed', { title: entry.title })}
                >
                  {t('evidence.unlink')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <>
          <div
            className={`dropzone${dragging ? ' dragging' : ''}`}
            data-testid="evidence-dropzone"
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={drop}
          >
            <p>{t('evidence.dropHere')}</p>
            <label className="file-picker">
              <span className="button-like">{t('evidence.chooseFiles')}</span>
              <input
                className="file-input"
                type="file"
                multiple
                data-testid="evidence-file-input"
                onChange={(event) => {
                  const files = [...(event.target.files ?? [])];
                  event.target.value = '';
                  void upload(files);
                }}
              />
            </label>
            <p className="muted">{t('evidence.fileHelp')}</p>
            {limits && (
              <p className="muted upload-limits" data-testid="upload-limits">
                {t('evidence.accepted', {
                  types: limits.acceptedExtensions.join(' '),
                  limit: formatBytes(limits.maxBytes),
                })}
              </p>
            )}
          </div>
          {uploads.length > 0 && (
            <ul ref={uploadList} className="upload-list" aria-live="polite" data-testid="upload-list">
              {uploads.map((entry, index) => (
                <li key={`${entry.name}-${index}`} className={`upload-${entry.state}`}>
                  {entry.name} ({formatBytes(entry.size)}): {t(`evidence.upload.${entry.state}`)}
                  {entry.state === 'failed' && <UploadError error={entry.error} name={entry.name} size={entry.size} />}
                  {entry.refusal && (
                    <p role="alert" className="form-error" data-testid="upload-error">
                      {entry.refusal === 'empty'
                        ? t('evidence.refusedEmpty', { name: entry.name })
                        : t('evidence.tooLarge', {
                            name: entry.name,
                            size: formatBytes(entry.size),
                            limitText: t('evidence.limit', { limit: formatBytes(limits?.maxBytes ?? 0) }),
                          })}
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
          <details className="entry-form">
            <summary>{t('evidence.addEntry')}</summary>
            <form onSubmit={(event) => void submitEntry(event)} className="stacked-form">
              <fieldset className="radio-row">
                <legend>{t('evidence.kind')}</legend>
                {(['link', 'text'] as const).map((kind) => (
                  <label key={kind} className="radio">
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      checked={entryKind === kind}
                      onChange={() => setEntryKind(kind)}
                    />
                    {t(`evidence.kinds.${kind}`)}
                  </label>
                ))}
              </fieldset>
              <label>
                {t('evidence.entryTitle')}
                <input name="title" required maxLength={300} />
              </label>
              <label>
                {entryKind === 'link' ? t('evidence.url') : t('evidence.body')}
                {entryKind === 'link' ? (
                  <input name="content" type="url" required maxLength={2000} placeholder="https://" />
                ) : (
                  <textarea name="content" required maxLength={20000} rows={4} />
                )}
              </label>
              <button type="submit">{t('evidence.addEntrySubmit')}</button>
              <FormError error={entryError} />
            </form>
          </details>
        </>
      )}
    </section>
  );
}

/** Why an upload failed; too large gets its own plain message with the size. */
function UploadError({ error, name, size }: { error: unknown; name: string; size: number }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.problem.code === 'PAYLOAD_TOO_LARGE') {
    const limit = (error.problem as { limitBytes?: unknown }).limitBytes;
    return (
      <p role="alert" className="form-error" data-testid="upload-error">
        {t('evidence.tooLarge', {
          name,
          size: formatBytes(size),
          limitText: typeof limit === 'number' ? t('evidence.limit', { limit: formatBytes(limit) }) : '',
        })}
      </p>
    );
  }
  if (error instanceof TypeError) {
    // The server may cut a too-large request off before answering; the browser then sees only a network error.
    return (
      <p role="alert" className="form-error" data-testid="upload-error">
        {t('evidence.networkError', { name })}
      </p>
    );
  }
  return (
    <div data-testid="upload-error">
      <FormError error={error} />
    </div>
  );
}
