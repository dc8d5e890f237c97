import type { ProblemDetail } from '../domain-error';
import { checkChoice, checkText } from './field-checks';
import { PARTY_KINDS, STAKEHOLDER_ROLES, STAKEHOLDER_SCOPES, type StakeholderFields } from './stakeholder.types';

/**
 * Every problem of a stakeholder's own fields. Whether `scopeId` names a system or device of the
 * organisation is the service's check (it needs the database).
 */
export function stakeholderProblems(stakeholder: StakeholderFields): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  checkChoice(problems, 'role', stakeholder.role, STAKEHOLDER_ROLES);
  checkChoice(problems, 'partyKind', stakeholder.partyKind, PARTY_KINDS);
  checkText(problems, 'name', stakeholder.name, { max: 200, required: true });
  checkText(problems, 'affiliation', stakeholder.affiliation, { max: 200 });
  checkText(problems, 'contact', stakeholder.contact, { max: 500 });
  checkText(problems, 'deputyName', stakeholder.deputyName, { max: 200 });
  checkText(problems, 'deputyContact', stakeholder.deputyContact, { max: 500 });
  if (stakeholder.deputyContact.trim() !== '' && stakeholder.deputyName.trim() === '')
    problems.push({ field: 'deputyName', reason: 'a deputy contact needs the deputy’s name', code: 'missing' });
  checkChoice(problems, 'scopeKind', stakeholder.scopeKind, STAKEHOLDER_SCOPES);
  if (stakeholder.scopeKind === 'organisation' && stakeholder.scopeId !== null)
    problems.push({
      field: 'scopeId',
      reason: 'must be empty when the scope is the organisation',
      code: 'invalid_value',
    });
  if (stakeholder.scopeKind !== 'organisation' && (stakeholder.scopeId ?? '').trim() === '')
    problems.push({ field: 'scopeId', reason: `names the ${stakeholder.scopeKind}`, code: 'missing' });
  return problems;
}
