import { isDomainError, type DomainError } from '../core/domain-error';
import type { Criticality } from '../core/assessment/assessment.types';
import { userActor, type Actor, type UserActor } from '../core/auth/actor';
import type { Role } from '../core/auth/roles';
import type { AssessmentDeps } from '../services/assessments/assessment-deps';
import { createAssessment } from '../services/assessments/create-assessment';
import { createSystem } from '../services/assessments/create-system';
import { seedMember, seedOrganisation } from './test-accounts';
import { testCatalog } from './test-app';
import type { TestDatabase } from './test-database';

/** Assessment dependencies over a test database and the shipped catalog. */
export function createTestAssessmentDeps(database: TestDatabase, clock: () => Date = () => new Date()): AssessmentDeps {
  return { database, clock, catalog: testCatalog() };
}

/** A signed-in member acting through a session, as the HTTP edge would build it. */
export type MemberActor = UserActor;

/** Seeds a member with `role` in the organisation and returns the actor a session of theirs resolves to. */
export async function seedMemberActor(
  database: TestDatabase,
  organisationId: string,
  role: Role,
): Promise<MemberActor> {
  const member = await seedMember(database, organisationId, role);
  return userActor({
    userId: member.userId,
    email: member.email,
    organisationId,
    role,
    via: 'session',
    mustChangePassword: false,
    authenticatedAt: new Date().toISOString(),
  });
}

/** A fresh organisation with an owner, an assessor and a viewer. */
export async function seedAssessmentTeam(database: TestDatabase, name = 'Plant') {
  const organisationId = await seedOrganisation(database, name);
  return {
    organisationId,
    owner: await seedMemberActor(database, organisationId, 'owner'),
    assessor: await seedMemberActor(database, organisationId, 'assessor'),
    viewer: await seedMemberActor(database, organisationId, 'viewer'),
  };
}

/** A system and a planned jssec-v2 assessment of it. */
export async function seedAssessment(
  deps: AssessmentDeps,
  actor: Actor,
  options: { criticality?: Criticality; title?: string } = {},
): Promise<{ systemId: string; assessmentId: string }> {
  const system = await createSystem(deps, {
    actor,
    system: { name: 'Building automation', criticality: options.criticality ?? 'important' },
  });
  const assessment = await createAssessment(deps, {
    actor,
    fields: { systemId: system.id, title: options.title ?? 'FY2026 checksheet' },
  });
  return { systemId: system.id, assessmentId: assessment.id };
}

/** Resolves to the DomainError a promise rejects with; fails the test if it resolves or throws anything else. */
export function domainErrorOf(promise: Promise<unknown>): Promise<DomainError> {
  return promise.then(
    () => {
      throw new Error('expected a DomainError, but it succeeded');
    },
    (error: unknown) => {
      if (!isDomainError(error)) throw error;
      return error;
    },
  );
}
