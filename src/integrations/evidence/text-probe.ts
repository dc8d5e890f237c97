/** Follows the bytes as they stream: still UTF-8 text without NUL? Stops decoding at the first failure. */
export function createTextProbe(): { push(bytes: Buffer): void; isText(): boolean } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = true;
  return {
    push(bytes) {
      if (!text) return;
      if (bytes.includes(0)) {
        text = false;
        return;
      }
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        text = false;
      }
    },
    isText() {
      if (!text) return false;
      try {
        decoder.decode(); // a multi-byte sequence cut off at the end is not valid UTF-8
        return true;
      } catch {
        return false;
      }
    },
  };
}
