import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../core/auth/actor';
import { DomainError } from '../../core/domain-error';
import { WORKBOOK_MAX_BYTES } from '../../integrations/exports/xlsx/read-checksheet-workbook';
import type { RequestContext } from '../auth/account-deps';
import type { AssessmentDeps } from '../assessments/assessment-deps';
import { importChecksheetWorkbook, type WorkbookImportResult } from './import-checksheet-workbook';

/** An uploaded workbook as the edge receives it, cut at WORKBOOK_MAX_BYTES. */
export interface UploadedWorkbook {
  readonly content: AsyncIterable<Uint8Array | string>;
  readonly fileName: string;
  /** True when the edge cut the bytes at its size limit. */
  readonly truncated: () => boolean;
}

/**
 * Stores an uploaded workbook in `spoolDir` and imports it into the assessment the upload was
 * sent to (a workbook of another assessment is refused); the stored copy is removed whatever
 * happens. `readDryRun` is asked once the file is stored: a form's fields may follow its file.
 */
export async function importUploadedWorkbook(
  deps: AssessmentDeps & { readonly spoolDir: string },
  input: {
    actor: Actor;
    assessmentId: string;
    file: UploadedWorkbook;
    readDryRun: () => Promise<boolean>;
    context?: RequestContext;
  },
): Promise<WorkbookImportResult> {
  await mkdir(deps.spoolDir, { recursive: true });
  const path = join(deps.spoolDir, `workbook-${randomUUID()}.xlsx`);
  try {
    await pipeline(Readable.from(input.file.content), createWriteStream(path));
    if (input.file.truncated())
      throw new DomainError('PAYLOAD_TOO_LARGE', `${input.file.fileName}: larger than the workbook limit.`, [
        {
          file: input.file.fileName,
          reason: `larger than ${WORKBOOK_MAX_BYTES} bytes`,
          code: 'file_too_large',
          params: { limit: WORKBOOK_MAX_BYTES },
        },
      ]);
    const dryRun = await input.readDryRun();
    return await importChecksheetWorkbook(deps, {
      actor: input.actor,
      file: path,
      fileName: input.file.fileName,
      dryRun,
      expectedAssessmentId: input.assessmentId,
      ...(input.context && { context: input.context }),
    });
  } finally {
    await rm(path, { force: true });
  }
}
