/**
 * The name of a file handed to people: `iotcheck-<what>-<assessment short id>-<YYYYMMDD>.<ext>`,
 * dated (UTC) when it was made.
 */
export function assessmentReportFileName(what: string, assessmentId: string, madeAt: Date, extension: string): string {
  const day = madeAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `iotcheck-${what}-${assessmentId.slice(0, 8)}-${day}.${extension}`;
}
