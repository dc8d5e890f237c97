import type { AssessmentDeps } from '../assessments/assessment-deps';

/** What questionnaire use cases need: the database, a clock tests can move, and the catalog. */
export type QuestionnaireDeps = AssessmentDeps;
