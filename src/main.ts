// Composition root: the only module that wires the CLI to the server. Nothing imports it.
import { runCli } from './cli/program';
import { detectTerminalLanguage } from './config/config';

// `iotcheck catalog export … | head` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  language: detectTerminalLanguage(process.env),
  serve: async (config, started) => {
    // Fastify and its plugins load only for `serve`: other commands start without them.
    const { installGracefulShutdown, startServer } = await import('./server/serve');
    const { applyHeapGrowth } = await import('./server/heap-growth');
    applyHeapGrowth(config.heapGrowthPercent);
    const { needsFirstOwner } = await import('./services/accounts/needs-first-owner');
    const server = await startServer(config);
    installGracefulShutdown(server);
    started({ url: server.url, needsFirstOwner: await needsFirstOwner(server) });
    await new Promise<never>(() => {
      // Keeps the command pending while the server runs; the shutdown handler exits the process.
    });
  },
});
process.exitCode = code;
