import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DomainError, type ProblemDetail } from '../../../core/domain-error';
import { closeIncident, type LessonInput } from '../../../services/incidents/close-incident';
import { getIncident } from '../../../services/incidents/get-incident';
import type { CliContext } from '../../cli-context';
import { inReportOrganisation } from '../report/report-session';

interface CloseOptions {
  org?: string;
  id: string;
  lessons?: string;
  note?: string;
  expectedVersion?: string;
}

const REQUIRED = ['itemId', 'lesson', 'recommendation'] as const;
const OPTIONAL = ['owner', 'due', 'systemId'] as const;

/** The lessons a JSON file lists, or a refusal naming each bad entry and field (`--lessons[1].lesson`). */
export function lessonsOfJson(text: string, message: string): LessonInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', message, [{ field: '--lessons', reason: (error as Error).message }]);
  }
  if (!Array.isArray(parsed))
    throw new DomainError('VALIDATION_FAILED', message, [{ field: '--lessons', reason: 'not a JSON list' }]);
  const problems: ProblemDetail[] = [];
  const lessons = parsed.map((entry: unknown, index): LessonInput => {
    const at = `--lessons[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push({ field: at, reason: 'not an object' });
      return { itemId: '', lesson: '', recommendation: '' };
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record))
      if (!(REQUIRED as readonly string[]).includes(key) && !(OPTIONAL as readonly string[]).includes(key))
        problems.push({ field: `${at}.${key}`, reason: 'unknown field' });
    const text = (key: string, required: boolean): string | undefined => {
      const value = record[key];
      if (value === undefined && !required) return undefined;
      if (typeof value === 'string') return value;
      problems.push({ field: `${at}.${key}`, reason: required ? 'required text' : 'must be text' });
      return '';
    };
    const owner = text('owner', false);
    const due = text('due', false);
    const systemId = text('systemId', false);
    return {
      itemId: text('itemId', true) ?? '',
      lesson: text('lesson', true) ?? '',
      recommendation: text('recommendation', true) ?? '',
      ...(owner !== undefined ? { owner } : {}),
      ...(due !== undefined ? { due } : {}),
      ...(systemId !== undefined ? { systemId } : {}),
    };
  });
  if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', message, problems);
  return lessons;
}

/**
 * `iotcheck incident close --org ID --id I [--lessons lessons.json] [--note N] [--expected-version V]`:
 * closes through the same use case as the API (lessons become findings of the next assessment).
 */
export function registerIncidentCloseCommand(incident: Command, context: CliContext): void {
  const m = context.messages;
  incident
    .command('close')
    .description(m.incidentClose)
    .option('--org <id-or-slug>', m.assessmentOrgOption)
    .requiredOption('--id <id>', m.incidentIdOption)
    .option('--lessons <file>', m.incidentLessonsOption)
    .option('--note <text>', m.incidentNoteOption)
    .option('--expected-version <n>', m.incidentExpectedVersionOption)
    .action(async (options: CloseOptions) => {
      const lessons = options.lessons
        ? lessonsOfJson(await readFile(options.lessons, 'utf8'), m.incidentLessonsInvalid)
        : [];
      await inReportOrganisation(context, options.org, async (deps, actor) => {
        const expectedVersion =
          options.expectedVersion !== undefined
            ? Number(options.expectedVersion)
            : (await getIncident(deps, { actor, incidentId: options.id })).version;
        const closed = await closeIncident(deps, {
          actor,
          incidentId: options.id,
          lessons,
          expectedVersion,
          ...(options.note !== undefined ? { note: options.note } : {}),
        });
        context.out([closed.id, closed.status, `v${closed.version}`, closed.title].join('\t'));
      });
    });
}
