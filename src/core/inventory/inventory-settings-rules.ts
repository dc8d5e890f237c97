import type { ProblemDetail } from '../domain-error';
import { checkChoice, checkText } from './field-checks';
import { CUSTOM_FIELD_TYPES, type ColumnMapping, type CustomFieldFields } from './inventory-settings.types';

/** Keys of custom fields: lower-case snake case, starting with a letter (they become import columns). */
export const CUSTOM_FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Every problem of a custom field definition. */
export function customFieldProblems(key: string, field: CustomFieldFields): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!CUSTOM_FIELD_KEY.test(key))
    problems.push({
      field: 'key',
      reason: 'lower-case letters, digits and _ (1–40, a letter first)',
      code: 'bad_format',
    });
  checkText(problems, 'labelJa', field.labelJa, { max: 100, required: true });
  checkText(problems, 'labelEn', field.labelEn, { max: 100, required: true });
  checkChoice(problems, 'type', field.type, CUSTOM_FIELD_TYPES);
  if (field.type === 'choice' && field.choices.length === 0)
    problems.push({ field: 'choices', reason: 'a choice field needs at least one choice', code: 'missing' });
  if (field.type !== 'choice' && field.choices.length > 0)
    problems.push({ field: 'choices', reason: 'only a choice field has choices', code: 'invalid_value' });
  field.choices.forEach((choice, index) =>
    checkText(problems, `choices[${index}]`, choice, { max: 100, required: true }),
  );
  if (new Set(field.choices.map((choice) => choice.trim())).size !== field.choices.length)
    problems.push({ field: 'choices', reason: 'names a choice twice', code: 'invalid_value' });
  return problems;
}

/** Canonical column keys: snake case, optionally `custom.<key>` for a custom field. */
const CANONICAL_KEY = /^(?:[a-z][a-z0-9_]{0,59}|custom\.[a-z][a-z0-9_]{0,39})$/;

/**
 * Every problem of a column mapping. The header is located by itself (`mapping["機器 名"]`).
 * Which canonical keys exist is the importer's knowledge; here only their form is checked.
 */
export function columnMappingProblems(mapping: ColumnMapping): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  const entries = Object.entries(mapping);
  if (entries.length > 500)
    problems.push({ field: 'mapping', reason: 'at most 500 headers', code: 'max_length', params: { limit: 500 } });
  for (const [header, key] of entries) {
    const field = `mapping[${JSON.stringify(header)}]`;
    if (header.trim() === '') problems.push({ field, reason: 'a header cannot be empty', code: 'blank' });
    else if (header.length > 200)
      problems.push({ field, reason: 'at most 200 characters', code: 'max_length', params: { limit: 200 } });
    if (!CANONICAL_KEY.test(key))
      problems.push({ field, reason: `"${key}" is not a column key (snake_case or custom.<key>)`, code: 'bad_format' });
  }
  return problems;
}
