import { describe, expect, it } from 'vitest';
import { stripBidiControls, toTerminalText } from './terminal-text';

describe('text for terminals', () => {
  it('drops escape sequences starters, C1 controls, CR and bidi controls, keeping tabs, newlines and Japanese', () => {
    expect(toTerminalText('\u001b[2J\u001b]0;pwned\u0007点検\tok\nnext\r\u009b31m')).toBe(
      '[2J]0;pwned点検\tok\nnext31m',
    );
    expect(toTerminalText('a\u202eb\u2066c\u200fd')).toBe('abcd');
  });

  it('strips only bidi controls from names', () => {
    expect(stripBidiControls('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(stripBidiControls('証跡\u2067.pdf\tx')).toBe('証跡.pdf\tx');
  });
});
