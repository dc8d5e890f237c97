/**
 * The title to show beside an advisory's tracking id, or undefined when it would only repeat it:
 * feeds without a summary (an NVD record, a bare OSV entry) are titled with their id, and a
 * heading reading "CVE-2026-0001 CVE-2026-0001" says nothing twice.
 */
export function titleBesideId(trackingId: string, title: string | null | undefined): string | undefined {
  const shown = title?.trim() ?? '';
  return shown === '' || shown.toLowerCase() === trackingId.trim().toLowerCase() ? undefined : shown;
}
