// C0 controls except tab and newline (ESC starts terminal escape sequences, CR overwrites a line),
// DEL, C1 controls (U+009B is a one-character CSI), and the bidirectional marks, embeddings,
// overrides and isolates that make a terminal show text in another order than it is stored.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` without the characters that could restyle, move or reorder what a terminal shows. */
export function toTerminalText(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, '');
}

// The same bidirectional characters, for names that are shown elsewhere (file names in lists).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** `text` without bidirectional marks, embeddings, overrides or isolates ("invoice\u202Efdp.exe"). */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
