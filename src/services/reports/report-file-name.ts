/**
 * The name of a file people receive: `iotcheck-<what>-<first 8 of the id>-<YYYYMMDD>.<extension>`,
 * ASCII only so every mail client and file system keeps it.
 */
export function reportFileName(what: string, id: string, at: Date, extension: string): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  const short = id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `iotcheck-${what}-${short}-${day}.${extension}`;
}
