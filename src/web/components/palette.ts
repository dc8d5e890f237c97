/**
 * The one palette of the charts and swatches: a CSF function has the same colour on every page
 * (styles.css .swatch.fn-* repeats these values for tables).
 */
export const FUNCTION_COLOURS: Readonly<Record<string, string>> = {
  ID: '#0b5cad',
  PR: '#2e7d32',
  DE: '#b26a00',
  RS: '#b3261e',
  RC: '#6a3fa0',
  // CSF 2.0's Govern, when a framework has it.
  GV: '#00796b',
};

/** The overall score line and the score series. */
export const OVERALL_COLOUR = '#1b2430';
export const SCORE_COLOUR = '#0b5cad';
export const COMPLETION_COLOUR = '#8a96a8';

/** Findings by status. */
export const FINDING_COLOURS: Readonly<Record<string, string>> = {
  open: '#b3261e',
  in_progress: '#b26a00',
  resolved: '#2e7d32',
  accepted_risk: '#5b6675',
};

/** A function's colour, grey for one the palette does not know. */
export function functionColour(code: string): string {
  return FUNCTION_COLOURS[code] ?? COMPLETION_COLOUR;
}
