import { Writable } from 'node:stream';
import type { GeneratedReport } from '../../../services/reports/generated-report';
import type { CliContext } from '../../cli-context';
import { writeOutputFile } from '../../write-output-file';

/**
 * Writes a text report to FILE (through a temporary file and a rename, then says so on stderr)
 * or, without -o, to standard output as it is.
 */
export async function writeTextReport(
  context: CliContext,
  report: GeneratedReport,
  output: string | undefined,
): Promise<void> {
  if (output) {
    await writeOutputFile(output, (destination) => report.write(destination));
    context.err(context.messages.reportWritten(output));
    return;
  }
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  await report.write(collect);
  context.write(Buffer.concat(chunks).toString('utf8'));
}
