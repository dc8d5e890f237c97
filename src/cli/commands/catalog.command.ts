import { Option, type Command } from 'commander';
import type { Language } from '../../core/catalog/catalog.types';
import { TAG_LABELS } from '../../core/catalog/tag-labels';
import { EXPORT_FORMATS, type ExportFormat } from '../../integrations/exports/catalog-export-format';
import { loadCatalogDeps } from '../../services/catalog/catalog-deps';
import { exportFramework } from '../../services/catalog/export-framework';
import { getCatalogNode, type CatalogNodeView } from '../../services/catalog/get-catalog-node';
import { listFrameworks, type FrameworkSummary } from '../../services/catalog/list-frameworks';
import type { CliContext } from '../cli-context';
import { writeOutputFile } from '../write-output-file';

/** `iotcheck catalog list | show <id> | export --framework <id> --format json|csv|yaml|oscal [--lang ja|en]`. */
export function registerCatalogCommands(program: Command, context: CliContext): void {
  const { messages: m } = context;
  const lang = context.language;
  const catalog = () => loadCatalogDeps(context.config().catalogDir);
  const command = program.command('catalog').description(m.catalog);

  command
    .command('list')
    .description(m.catalogList)
    .option('--json', m.jsonOption)
    .action(async (options: { json?: boolean }) => {
      const remote = context.remote();
      const frameworks = remote
        ? (await remote.getJson<{ frameworks: FrameworkSummary[] }>('/api/catalog/frameworks')).frameworks
        : listFrameworks(await catalog());
      if (options.json) return context.json(frameworks);
      for (const framework of frameworks) {
        const counts = Object.entries(framework.counts)
          .map(([kind, count]) => m.nodeCount(kind, count))
          .join(m.listSeparator);
        const edition = framework.edition ? `${framework.edition[lang]}, ` : '';
        context.out(`${framework.id}\t${framework.title[lang]} (${edition}${framework.date})\t${counts}`);
      }
    });

  command
    .command('show')
    .description(m.catalogShow)
    .argument('<id>', m.catalogIdArgument)
    .option('--json', m.jsonOption)
    .action(async (id: string, options: { json?: boolean }) => {
      const remote = context.remote();
      const view = remote
        ? await remote.getJson<CatalogNodeView>(`/api/catalog/nodes/${encodeURIComponent(id)}`)
        : getCatalogNode(await catalog(), { id });
      if (options.json) return context.json(view);
      const { node } = view;
      const other: Language = lang === 'ja' ? 'en' : 'ja';
      context.out(`${node.id}  [${view.ancestors.map((ancestor) => ancestor.code).join(' > ')}]`);
      context.out(`  ${node.title[lang]}`);
      context.out(`  ${node.title[other]}`);
      if (node.text) context.out(`\n  ${node.text[lang]}`);
      if (view.children.length > 0) {
        context.out('');
        for (const child of view.children) context.out(`  ${child.code.padEnd(8)} ${child.title[lang]}`);
      }
      if (node.explanation) {
        context.out(`\n${m.why}: ${node.explanation.why[lang]}`);
        context.out(`${m.consider}: ${node.explanation.consider[lang]}`);
        if (node.explanation.note) context.out(`${m.note}: ${node.explanation.note[lang]}`);
      }
      if (node.tags)
        context.out(
          `\n${m.tags}: ${[
            ...[...node.tags.scope, ...node.tags.phase, ...node.tags.roles, ...node.tags.verifiable].map(
              (tag) => TAG_LABELS[tag][lang],
            ),
            ...(node.tags.providerQuestion ? [m.providerQuestion] : []),
          ].join(m.listSeparator)}`,
        );
      const links = [
        ...view.crosswalks.outgoing.map((link) => ({ ...link, arrow: '→' })),
        ...view.crosswalks.incoming.map((link) => ({ ...link, arrow: '←' })),
      ];
      if (links.length > 0) context.out(`\n${m.crosswalks}:`);
      for (const link of links)
        context.out(
          `  ${link.arrow} ${link.id} (${m.relationships[link.relationship] ?? link.relationship}) ${link.rationale[lang]}`,
        );
    });

  command
    .command('export')
    .description(m.catalogExport)
    .requiredOption('--framework <id>', m.frameworkOption)
    .addOption(new Option('--format <format>', m.formatOption).choices(EXPORT_FORMATS).default('json'))
    .addOption(new Option('--lang <lang>', m.langOption).choices(['ja', 'en']))
    .option('-o, --output <file>', m.outputOption)
    .action(async (options: { framework: string; format: ExportFormat; lang?: Language; output?: string }) => {
      const remote = context.remote();
      const query = new URLSearchParams({ format: options.format, ...(options.lang ? { lang: options.lang } : {}) });
      const content = remote
        ? await remote.getText(`/api/catalog/frameworks/${encodeURIComponent(options.framework)}/export?${query}`)
        : exportFramework(await catalog(), {
            frameworkId: options.framework,
            format: options.format,
            ...(options.lang ? { lang: options.lang } : {}),
          }).content;
      if (options.output) await writeOutputFile(options.output, content);
      else context.write(content);
    });
}
