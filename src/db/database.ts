import type { Kysely } from 'kysely';
import type {
  ProbeCredentialListTable,
  ProbeObservationItemTable,
  ProbeObservationTable,
  ProbeRunTable,
  ProbeScopeTable,
  ProbeTargetResultTable,
} from './probes/probe.table';
import type { DatabaseConfig } from '../config/config';
import type {
  ApiTokenTable,
  AppUserTable,
  InvitationTable,
  LoginThrottleTable,
  MembershipTable,
  OrganisationTable,
  TotpRecoveryCodeTable,
  UserSessionTable,
} from './accounts.table';
import type {
  AnswerEvidenceTable,
  AnswerHistoryTable,
  AnswerTable,
  AssessmentTable,
  EvidenceTable,
  FindingTable,
  IotSystemTable,
  ItemWeightTable,
  ScoreSnapshotTable,
} from './assessments.table';
import type { AuditChainHeadTable, AuditEventTable } from './audit.table';
import type { CatalogVersionTable } from './catalog-version.table';
import type {
  CustomFieldDefinitionTable,
  DataFlowTable,
  DeviceFacetCountTable,
  DeviceSystemTable,
  DeviceTable,
  InventoryColumnMappingTable,
  InventoryHistoryTable,
  InventoryImportTable,
  InventorySavedViewTable,
  ProviderTable,
  StakeholderTable,
} from './inventory/inventory.table';
import type {
  IncidentCounterTable,
  IncidentDeviceTable,
  IncidentEvidenceTable,
  IncidentLessonTable,
  IncidentLinkTable,
  IncidentStepTable,
  IncidentTable,
  IncidentTimelineTable,
  PlaybookTable,
} from './incidents/incident.table';
import type { StoredFileChunkTable, StoredFileTable } from './files/stored-file.table';
import type { JobTable } from './jobs/job.table';
import type { QuestionnaireAnswerTable, QuestionnaireTable } from './questionnaires/questionnaire.table';
import type {
  AdvisoryRevisionCounterTable,
  AdvisoryTable,
  SbomComponentTable,
  SbomTable,
} from './vulnerabilities/advisory.table';
import type {
  AdvisoryImportCheckpointTable,
  AdvisoryUnparsedTermTable,
  VulnerabilityConfirmationTable,
} from './vulnerabilities/confirmation.table';
import type {
  LatestFirmwareTable,
  VulnerabilityDailyCountTable,
  VulnerabilityTriageTable,
} from './vulnerabilities/triage.table';
import type {
  VulnerabilityDeviceIdentityTable,
  VulnerabilityIdentityTable,
  VulnerabilityMatchRunTable,
  VulnerabilityMatchTable,
} from './vulnerabilities/match.table';

/** Every table iotcheck stores, by name. Timestamps are ISO-8601 UTC text on both dialects. */
export interface DatabaseSchema {
  catalog_version: CatalogVersionTable;
  organisation: OrganisationTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  login_throttle: LoginThrottleTable;
  invitation: InvitationTable;
  totp_recovery_code: TotpRecoveryCodeTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  iot_system: IotSystemTable;
  assessment: AssessmentTable;
  answer: AnswerTable;
  answer_history: AnswerHistoryTable;
  evidence: EvidenceTable;
  answer_evidence: AnswerEvidenceTable;
  finding: FindingTable;
  score_snapshot: ScoreSnapshotTable;
  job: JobTable;
  item_weight: ItemWeightTable;
  device: DeviceTable;
  device_system: DeviceSystemTable;
  device_facet_count: DeviceFacetCountTable;
  inventory_import: InventoryImportTable;
  inventory_history: InventoryHistoryTable;
  custom_field_definition: CustomFieldDefinitionTable;
  inventory_column_mapping: InventoryColumnMappingTable;
  inventory_saved_view: InventorySavedViewTable;
  provider: ProviderTable;
  stakeholder: StakeholderTable;
  data_flow: DataFlowTable;
  questionnaire: QuestionnaireTable;
  questionnaire_answer: QuestionnaireAnswerTable;
  advisory: AdvisoryTable;
  advisory_revision_counter: AdvisoryRevisionCounterTable;
  sbom: SbomTable;
  sbom_component: SbomComponentTable;
  vulnerability_identity: VulnerabilityIdentityTable;
  vulnerability_device_identity: VulnerabilityDeviceIdentityTable;
  vulnerability_match: VulnerabilityMatchTable;
  vulnerability_match_run: VulnerabilityMatchRunTable;
  incident_counter: IncidentCounterTable;
  incident: IncidentTable;
  incident_device: IncidentDeviceTable;
  incident_timeline: IncidentTimelineTable;
  incident_evidence: IncidentEvidenceTable;
  incident_link: IncidentLinkTable;
  incident_lesson: IncidentLessonTable;
  incident_step: IncidentStepTable;
  playbook: PlaybookTable;
  vulnerability_triage: VulnerabilityTriageTable;
  advisory_unparsed_term: AdvisoryUnparsedTermTable;
  vulnerability_confirmation: VulnerabilityConfirmationTable;
  latest_firmware: LatestFirmwareTable;
  vulnerability_daily_count: VulnerabilityDailyCountTable;
  advisory_import_checkpoint: AdvisoryImportCheckpointTable;
  probe_scope: ProbeScopeTable;
  probe_credential_list: ProbeCredentialListTable;
  probe_run: ProbeRunTable;
  probe_target_result: ProbeTargetResultTable;
  probe_observation: ProbeObservationTable;
  probe_observation_item: ProbeObservationItemTable;
  stored_file: StoredFileTable;
  stored_file_chunk: StoredFileChunkTable;
}

export type DatabaseDialect = 'sqlite' | 'postgres';

/** An open database: the query builder, which dialect it speaks, and how to close it. */
export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: DatabaseDialect;
  /** Where it lives: bulk writers (the inventory import) open their own connection to it. */
  readonly config: DatabaseConfig;
  close(): Promise<void>;
}
