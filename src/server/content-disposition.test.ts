import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('keeps an ASCII name as is in both parameters', () => {
    expect(attachmentDisposition('scan-2026.pdf')).toBe(
      `attachment; filename="scan-2026.pdf"; filename*=UTF-8''scan-2026.pdf`,
    );
  });

  it('gives the exact UTF-8 name in filename* and a safe ASCII fallback', () => {
    expect(attachmentDisposition('報告書.pdf')).toBe(
      `attachment; filename="___.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes, percent signs or line breaks', () => {
    const header = attachmentDisposition('a"b\\c%d\r\nSet-Cookie: x=1\'(*).txt');
    expect(header).toBe(
      `attachment; filename="a_b_c_d__Set-Cookie: x=1'(*).txt"; filename*=UTF-8''a%22b%5Cc%25d%0D%0ASet-Cookie%3A%20x%3D1%27%28%2A%29.txt`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});
