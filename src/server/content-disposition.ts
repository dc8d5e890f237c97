/**
 * `attachment` with the file name twice: an ASCII fallback in `filename` and the exact UTF-8 name
 * in `filename*` (RFC 6266 / RFC 5987), so 報告書.pdf downloads as 報告書.pdf and no quote or
 * control character can break the header.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
