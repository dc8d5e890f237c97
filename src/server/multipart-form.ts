import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Static, TObject } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError, type ProblemDetail } from '../core/domain-error';

/** One file part of a multipart form, as a use case takes it. */
export interface FormFile {
  readonly content: MultipartFile['file'];
  readonly fileName: string;
  /** True when the part was cut at the multipart fileSize limit. */
  readonly truncated: () => boolean;
}

/** A multipart form with exactly one file, read as far as that file. */
export interface SingleFileForm {
  readonly file: FormFile;
  /** Reads the rest of the form (call after consuming the file) and returns every text field. */
  readFields(): Promise<Record<string, string>>;
}

/**
 * Reads a multipart/form-data request up to its file part named `fileField`, collecting the text
 * fields on the way; the rest is read by readFields(). Problems (not multipart, no file, a second
 * file, too many or repeated fields) become VALIDATION_FAILED; the file size limit is left to the
 * caller, which sees `truncated()`.
 */
export async function readSingleFileForm(
  request: FastifyRequest,
  fileField: string,
  /** A file size limit of this route instead of the global one (EVIDENCE_MAX_BYTES). */
  fileSize?: number,
): Promise<SingleFileForm> {
  if (!request.isMultipart())
    throw new DomainError('VALIDATION_FAILED', 'Send the upload as multipart/form-data.', [
      { field: fileField, reason: 'the request is not multipart/form-data' },
    ]);
  const parts = fileSize === undefined ? request.parts() : request.parts({ limits: { fileSize } });
  const fields: Record<string, string> = {};
  const next = async () => {
    try {
      return await parts.next();
    } catch (error) {
      throw translateMultipartError(error, fileField);
    }
  };
  for (;;) {
    const step = await next();
    if (step.done)
      throw new DomainError('VALIDATION_FAILED', 'Choose a file to upload.', [
        { field: fileField, reason: 'is required', code: 'file_missing' },
      ]);
    const part = step.value;
    if (part.type === 'field') {
      addField(fields, part);
      continue;
    }
    if (part.fieldname !== fileField)
      throw new DomainError('VALIDATION_FAILED', `Send the file in the form field "${fileField}".`, [
        { field: part.fieldname, reason: 'unexpected file' },
      ]);
    return {
      file: { content: part.file, fileName: part.filename, truncated: () => part.file.truncated },
      async readFields() {
        for (let rest = await next(); !rest.done; rest = await next()) {
          if (rest.value.type === 'file')
            throw new DomainError('VALIDATION_FAILED', 'Send one file per upload.', [
              { field: rest.value.fieldname, reason: 'only one file is accepted' },
            ]);
          addField(fields, rest.value);
        }
        return fields;
      },
    };
  }
}

/** Checks text fields against an object schema; VALIDATION_FAILED names every bad or unknown field. */
export function parseFormFields<T extends TObject>(schema: T, fields: Record<string, string>): Static<T> {
  const known = (name: string): boolean => Object.hasOwn(schema.properties, name);
  const problems: ProblemDetail[] = Object.keys(fields)
    .filter((name) => !known(name))
    .map((name) => ({ field: name, reason: 'is not a field of this form' }));
  const values = Object.fromEntries(Object.entries(fields).filter(([name]) => known(name)));
  if (problems.length === 0 && Value.Check(schema, values)) return values as Static<T>;
  for (const error of Value.Errors(schema, values)) {
    const field = error.instancePath.split('/')[1] ?? '';
    if (!problems.some((problem) => problem.field === field)) problems.push({ field, reason: error.message });
  }
  throw new DomainError('VALIDATION_FAILED', 'The form is not valid.', problems);
}

function addField(fields: Record<string, string>, part: MultipartValue): void {
  if (typeof part.value !== 'string' || part.valueTruncated)
    throw new DomainError('VALIDATION_FAILED', `The field "${part.fieldname}" is not a short text.`, [
      { field: part.fieldname, reason: 'must be text' },
    ]);
  if (part.fieldname in fields)
    throw new DomainError('VALIDATION_FAILED', `The field "${part.fieldname}" is given twice.`, [
      { field: part.fieldname, reason: 'given more than once' },
    ]);
  fields[part.fieldname] = part.value;
}

/** @fastify/multipart's limit errors are 413s by default; here only the file size is "too large". */
function translateMultipartError(error: unknown, fileField: string): unknown {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_FILES_LIMIT':
      return new DomainError('VALIDATION_FAILED', 'Send one file per upload.', [
        { field: fileField, reason: 'only one file is accepted' },
      ]);
    case 'FST_FIELDS_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new DomainError('VALIDATION_FAILED', 'The form has too many fields.', [{ reason: 'too many fields' }]);
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new DomainError('VALIDATION_FAILED', 'The form is not valid.', [
        { reason: error instanceof Error ? error.message : 'invalid field' },
      ]);
    default:
      return error;
  }
}
