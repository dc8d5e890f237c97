/** Rows of the questionnaire tables (migration 20261203-0002). item_ids is JSON text. */
export interface QuestionnaireTable {
  id: string;
  organisation_id: string;
  assessment_id: string;
  provider_id: string | null;
  provider_name: string;
  language: string;
  item_ids: string;
  token_hash: string;
  expires_at: string;
  status: string;
  created_by: string | null;
  created_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  revoked_at: string | null;
}

export interface QuestionnaireAnswerTable {
  questionnaire_id: string;
  item_id: string;
  organisation_id: string;
  answer: string | null;
  free_text: string;
  answered_by: string | null;
  answered_at: string;
  source: string;
}
