import type { Kysely } from 'kysely';
import type { ProblemDetail } from '../../core/domain-error';
import type { BilingualText, PlaybookFields } from '../../core/incidents/playbook.types';
import type { DatabaseSchema } from '../../db/database';
import { findStakeholder } from '../../db/inventory/stakeholder.repository';
import { findSystem } from '../../db/system.repository';

/** A playbook as a client sends it: optional parts default to empty. */
export interface PlaybookInput {
  readonly systemId: string;
  readonly title: string;
  readonly steps: readonly {
    title: string;
    ownerStakeholderId?: string | null | undefined;
    expectedMinutes?: number | null | undefined;
  }[];
  readonly contactIds?: readonly string[] | undefined;
  readonly firstReportTemplate?: BilingualText | undefined;
  readonly checklists?:
    | {
        regulator?: readonly BilingualText[];
        customer?: readonly BilingualText[];
        ipa_jpcert?: readonly BilingualText[];
      }
    | undefined;
}

/** The stored fields of a playbook input (trimmed, defaults filled). */
export function playbookFields(input: PlaybookInput): PlaybookFields {
  return {
    systemId: input.systemId,
    title: input.title.trim(),
    steps: input.steps.map((step) => ({
      title: step.title.trim(),
      ownerStakeholderId: step.ownerStakeholderId ?? null,
      expectedMinutes: step.expectedMinutes ?? null,
    })),
    contactIds: [...(input.contactIds ?? [])],
    firstReportTemplate: input.firstReportTemplate ?? { ja: '', en: '' },
    checklists: {
      regulator: [...(input.checklists?.regulator ?? [])],
      customer: [...(input.checklists?.customer ?? [])],
      ipa_jpcert: [...(input.checklists?.ipa_jpcert ?? [])],
    },
  };
}

/** Problems with a playbook: its system, owners and contacts must be the organisation's; titles not blank. */
export async function playbookProblems(
  db: Kysely<DatabaseSchema>,
  organisationId: string,
  fields: PlaybookFields,
): Promise<ProblemDetail[]> {
  const problems: ProblemDetail[] = [];
  if (fields.title === '') problems.push({ field: 'title', reason: 'must not be blank', code: 'blank' });
  if (!(await findSystem(db, organisationId, fields.systemId)))
    problems.push({ field: 'systemId', reason: `no system ${fields.systemId}`, code: 'invalid_value' });
  for (const [index, step] of fields.steps.entries()) {
    if (step.title === '')
      problems.push({ field: `steps[${index}].title`, reason: 'must not be blank', code: 'blank' });
    if (step.ownerStakeholderId && !(await findStakeholder(db, organisationId, step.ownerStakeholderId)))
      problems.push({
        field: `steps[${index}].ownerStakeholderId`,
        reason: `no stakeholder ${step.ownerStakeholderId}`,
        code: 'invalid_value',
      });
  }
  for (const [index, id] of fields.contactIds.entries())
    if (!(await findStakeholder(db, organisationId, id)))
      problems.push({ field: `contactIds[${index}]`, reason: `no stakeholder ${id}`, code: 'invalid_value' });
  return problems;
}
