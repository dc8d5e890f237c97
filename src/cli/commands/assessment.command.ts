import { userInfo } from 'node:os';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { stringify as stringifyYaml } from 'yaml';
import { CRITICALITIES, RESULTS, type AnswerResult, type Criticality } from '../../core/assessment/assessment.types';
import { listFrameworkItems, resolveItemReference } from '../../core/assessment/framework-items';
import { cliActor, type Actor } from '../../core/auth/actor';
import { DomainError, isDomainError } from '../../core/domain-error';
import { findIllFormedText } from '../../core/text/well-formed-text';
import { resolveOrganisation } from '../../services/organisations/resolve-organisation';
import { applyAssessmentDocument } from '../../services/assessments/apply-assessment-document';
import type { AssessmentDeps } from '../../services/assessments/assessment-deps';
import { compareAssessments } from '../../services/assessments/compare-assessments';
import { createAssessment } from '../../services/assessments/create-assessment';
import { createSystem } from '../../services/assessments/create-system';
import { exportAssessmentDocument } from '../../services/assessments/export-assessment-document';
import { getAssessment } from '../../services/assessments/get-assessment';
import { getCoverage } from '../../services/assessments/get-coverage';
import { getScores } from '../../services/assessments/get-scores';
import { listCoverageGaps } from '../../services/assessments/list-coverage-gaps';
import { listAssessments } from '../../services/assessments/list-assessments';
import { listSystems } from '../../services/assessments/list-systems';
import { saveAnswer } from '../../services/assessments/save-answer';
import { loadCatalogDeps } from '../../services/catalog/catalog-deps';
import type { CliContext } from '../cli-context';
import { readDocumentFile } from '../read-document-file';
import { writeOutputFile } from '../write-output-file';
import { withAccountDeps } from '../with-account-deps';

const percent = (score: number | null) => (score === null ? '-' : `${Math.round(score * 100)}%`);

/**
 * `iotcheck system create|list` and `iotcheck assessment create|list|show|answer|export|apply|compare|coverage`:
 * local commands on the server machine, acting as the CLI operator inside the organisation named
 * by --org (audited as cli:<user>).
 */
export function registerAssessmentCommands(program: Command, context: CliContext): void {
  const m = context.messages;
  const operator = cliActor(userInfo().username || 'operator');

  /** Opens the database and catalog, checks the organisation exists, runs the work as the operator in it. */
  const inOrganisation = <T>(
    reference: string | undefined,
    work: (deps: AssessmentDeps, actor: Actor) => Promise<T>,
  ): Promise<T> => {
    context.requireLocal();
    const config = context.config();
    return withAccountDeps(config, async ({ database, clock }) => {
      const organisation = await resolveOrganisation({ database }, { reference }).catch((error: unknown) => {
        // The same refusal, in the reader's language.
        if (!isDomainError(error) || error.details[0]?.field !== '--org') throw error;
        const slugs = String(error.extensions['choices'] ?? '');
        throw new DomainError(
          error.code,
          reference ? m.unknownOrganisation(reference) : m.organisationRequired(slugs),
          error.details,
        );
      });
      return work(
        { database, clock, catalog: (await loadCatalogDeps(config.catalogDir)).catalog },
        { ...operator, organisationId: organisation.id },
      );
    });
  };
  // Optional: the only organisation is the default; its slug works as well as its id.
  const orgOption = () => new Option('--org <id-or-slug>', m.assessmentOrgOption);

  const system = program.command('system').description(m.systemCommand);
  system
    .command('create')
    .description(m.systemCreate)
    .addOption(orgOption())
    .requiredOption('--name <name>', m.systemNameOption)
    .addOption(new Option('--criticality <level>', m.criticalityOption).choices(CRITICALITIES).makeOptionMandatory())
    .option('--description <text>', m.descriptionOption)
    .option('--owner-name <name>', m.ownerNameOption)
    .option('--internet-facing', m.internetFacingOption)
    .action(
      async (options: {
        org?: string;
        name: string;
        criticality: Criticality;
        description?: string;
        ownerName?: string;
        internetFacing?: boolean;
      }) =>
        inOrganisation(options.org, async (deps, actor) => {
          const created = await createSystem(deps, {
            actor,
            system: {
              name: options.name,
              criticality: options.criticality,
              internetFacing: options.internetFacing === true,
              ...(options.description ? { description: options.description } : {}),
              ...(options.ownerName ? { ownerName: options.ownerName } : {}),
            },
          });
          context.out(`${created.id}\t${created.name}\t${created.criticality}`);
        }),
    );
  system
    .command('list')
    .description(m.systemList)
    .addOption(orgOption())
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; json?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const systems = await listSystems(deps, { actor });
        if (options.json) return context.json(systems);
        if (systems.length === 0) context.out(m.noSystems);
        for (const entry of systems)
          context.out(`${entry.id}\t${entry.name}\t${entry.criticality}${entry.internetFacing ? '\tinternet' : ''}`);
      }),
    );

  const assessment = program.command('assessment').description(m.assessmentCommand);
  assessment
    .command('create')
    .description(m.assessmentCreate)
    .addOption(orgOption())
    .requiredOption('--system <id>', m.systemIdOption)
    .requiredOption('--title <title>', m.titleOption)
    .option('--framework <id>', m.frameworkOption, 'jssec-v2')
    .option('--period-start <date>', m.periodStartOption)
    .option('--period-end <date>', m.periodEndOption)
    .action(
      async (options: {
        org?: string;
        system: string;
        title: string;
        framework: string;
        periodStart?: string;
        periodEnd?: string;
      }) =>
        inOrganisation(options.org, async (deps, actor) => {
          const fields = {
            systemId: options.system,
            title: options.title,
            frameworkId: options.framework,
            ...(options.periodStart ? { periodStart: options.periodStart } : {}),
            ...(options.periodEnd ? { periodEnd: options.periodEnd } : {}),
          };
          const created = await createAssessment(deps, { actor, fields });
          context.out(
            `${created.id}\t${created.title}\t${created.frameworkId} ${created.frameworkVersion}\t${created.status}`,
          );
        }),
    );
  assessment
    .command('list')
    .description(m.assessmentList)
    .addOption(orgOption())
    .option('--system <id>', m.systemIdOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; system?: string; json?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const assessments = await listAssessments(deps, {
          actor,
          ...(options.system ? { systemId: options.system } : {}),
        });
        if (options.json) return context.json(assessments);
        if (assessments.length === 0) context.out(m.noAssessments);
        for (const entry of assessments)
          context.out(
            [
              entry.id,
              entry.title,
              entry.systemName,
              entry.status,
              percent(entry.overallScore),
              m.completion(percent(entry.completion)),
            ].join('\t'),
          );
      }),
    );
  assessment
    .command('show')
    .description(m.assessmentShow)
    .addOption(orgOption())
    .requiredOption('--id <id>', m.assessmentIdOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; id: string; json?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const detail = await getAssessment(deps, { actor, assessmentId: options.id });
        const scores = await getScores(deps, { actor, assessmentId: options.id });
        if (options.json) return context.json({ ...detail, scores });
        context.out(
          [
            detail.assessment.title,
            `[${detail.system.name}]`,
            `${detail.assessment.frameworkId} ${detail.assessment.frameworkVersion}`,
            detail.assessment.status,
          ].join('  '),
        );
        context.out(
          m.scoreLine(percent(scores.overall.score), scores.overall.level, percent(scores.overall.completion)),
        );
        for (const [code, group] of Object.entries(scores.functions))
          context.out(`  ${code.padEnd(4)} ${percent(group.score).padStart(4)}  L${group.level}`);
        context.out('');
        for (const answer of detail.answers)
          context.out(`${answer.itemId}\t${m.results[answer.result]}\t${answer.reviewState}\tv${answer.version}`);
      }),
    );
  assessment
    .command('answer')
    .description(m.assessmentAnswer)
    .addOption(orgOption())
    .requiredOption('--id <id>', m.assessmentIdOption)
    .requiredOption('--item <item>', m.itemOption)
    .addOption(new Option('--result <result>', m.resultOption).choices(RESULTS).makeOptionMandatory())
    .option('--justification <text>', m.justificationOption)
    .option('--comment <text>', m.commentOption)
    .option('--expect-version <n>', m.expectVersionOption)
    .action(
      async (options: {
        org?: string;
        id: string;
        item: string;
        result: AnswerResult;
        justification?: string;
        comment?: string;
        expectVersion?: string;
      }) =>
        inOrganisation(options.org, async (deps, actor) => {
          // Without --expect-version the operator means "set it to this": save over the stored version.
          const detail = await getAssessment(deps, { actor, assessmentId: options.id });
          const item = resolveItemReference(
            listFrameworkItems(deps.catalog, detail.assessment.frameworkId),
            detail.assessment.frameworkId,
            options.item,
          );
          const stored = detail.answers.find((answer) => answer.itemId === item?.itemId);
          if (options.expectVersion !== undefined && !/^\d+$/.test(options.expectVersion))
            throw new DomainError('VALIDATION_FAILED', m.expectVersionOption, [
              { field: '--expect-version', reason: 'not a whole number' },
            ]);
          const version = options.expectVersion !== undefined ? Number(options.expectVersion) : (stored?.version ?? 0);
          const update = {
            version,
            result: options.result,
            ...(options.justification !== undefined ? { justification: options.justification } : {}),
            ...(options.comment !== undefined ? { comment: options.comment } : {}),
          };
          const saved = await saveAnswer(deps, { actor, assessmentId: options.id, itemId: options.item, update });
          context.out(m.answerSaved(saved.itemId, m.results[saved.result], saved.version));
        }),
    );
  assessment
    .command('export')
    .description(m.assessmentExport)
    .addOption(orgOption())
    .requiredOption('--id <id>', m.assessmentIdOption)
    .option('-o, --output <file>', m.documentOutputOption)
    .action(async (options: { org?: string; id: string; output?: string }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const document = await exportAssessmentDocument(deps, { actor, assessmentId: options.id });
        const asYaml =
          options.output !== undefined && ['.yaml', '.yml'].includes(extname(options.output).toLowerCase());
        const content = asYaml ? stringifyYaml(document) : `${JSON.stringify(document, null, 2)}\n`;
        if (options.output) await writeOutputFile(options.output, content);
        else context.write(content);
      }),
    );
  assessment
    .command('apply')
    .description(m.assessmentApply)
    .argument('<file>', m.documentFileArgument)
    .addOption(orgOption())
    .option('--force', m.forceOption)
    .action(async (file: string, options: { org?: string; force?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const document = readDocumentFile(file);
        const illFormed = findIllFormedText(document);
        if (illFormed.length > 0)
          throw new DomainError(
            'VALIDATION_FAILED',
            m.illFormedDocument(file),
            illFormed.map((path) => ({
              file,
              path,
              reason: 'contains an unpaired surrogate (ill-formed Unicode text)',
            })),
          );
        try {
          const result = await applyAssessmentDocument(deps, { actor, document, force: options.force === true });
          context.out(m.documentApplied(result.assessmentId, result.created, result.changed, result.unchanged));
        } catch (error) {
          // Name the file on every located problem; the path already says which field.
          // A stale-answer conflict is located per entry (answers[3].version); a status conflict is not.
          const isStale =
            isDomainError(error) &&
            error.code === 'CONFLICT' &&
            error.details.some((detail) => detail.path?.endsWith('.version'));
          if (isDomainError(error) && (error.code === 'VALIDATION_FAILED' || isStale))
            throw new DomainError(
              error.code,
              isStale ? m.staleDocument(file) : m.nothingApplied(file),
              error.details.map((detail) => ({
                file,
                ...(detail.path ? { path: detail.path } : {}),
                reason: detail.reason,
              })),
            );
          throw error;
        }
      }),
    );
  assessment
    .command('compare')
    .description(m.assessmentCompare)
    .addOption(orgOption())
    .requiredOption('--id <id>', m.compareBaseOption)
    .requiredOption('--with <id>', m.compareWithOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; id: string; with: string; json?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const comparison = await compareAssessments(deps, { actor, baseId: options.id, otherId: options.with });
        if (options.json) return context.json(comparison);
        for (const [code, change] of Object.entries(comparison.functions))
          context.out(
            `${code.padEnd(4)} ${percent(change.before).padStart(4)} → ${percent(change.after).padStart(4)}  ${m.changes[change.change]}`,
          );
        context.out('');
        for (const item of comparison.items.filter((entry) => entry.change !== 'unchanged')) {
          context.out(
            `${item.itemId}\t${m.results[item.before]} → ${m.results[item.after]}\t${m.changes[item.change]}`,
          );
        }
        const count = (change: string) => comparison.items.filter((entry) => entry.change === change).length;
        context.out(m.compareSummary(count('improved'), count('worse'), count('changed'), count('unchanged')));
      }),
    );
  assessment
    .command('coverage')
    .description(m.assessmentCoverage)
    .addOption(orgOption())
    .requiredOption('--id <id>', m.assessmentIdOption)
    .requiredOption('--framework <id>', m.coverageFrameworkOption)
    .option('--gaps', m.coverageGapsOption)
    .option('--json', m.jsonOption)
    .action(async (options: { org?: string; id: string; framework: string; gaps?: boolean; json?: boolean }) =>
      inOrganisation(options.org, async (deps, actor) => {
        const input = { actor, assessmentId: options.id, frameworkId: options.framework };
        if (options.gaps) {
          const list = await listCoverageGaps(deps, input);
          if (options.json) return context.out(JSON.stringify(list, null, 2));
          for (const gap of list.gaps)
            context.out(
              [
                gap.id,
                gap.itemStatus ?? '-',
                m.coverageStatuses[gap.status],
                gap.workOn.length > 0 ? `${m.workOn}: ${gap.workOn.join(', ')}` : '',
              ].join('\t'),
            );
          return;
        }
        const coverage = await getCoverage(deps, input);
        if (options.json) return context.out(JSON.stringify(coverage, null, 2));
        for (const item of coverage.items)
          context.out(
            [
              item.id,
              m.coverageStatuses[item.status],
              item.sources
                .map((source) => `${source.item}:${m.results[source.result]}(${source.relationship})`)
                .join(' '),
            ].join('\t'),
          );
      }),
    );
}
