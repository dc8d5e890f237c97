import { describe, expect, it } from 'vitest';
import { isDomainError } from '../domain-error';
import { acceptEvidenceContent, cleanFileName, evidenceTooLarge, formatBytes } from './evidence-content';

function refusal(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, field: error.details[0]?.field };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('acceptEvidenceContent', () => {
  it('keeps an allowed detected type, whatever the name says', () => {
    expect(acceptEvidenceContent({ kind: 'detected', mediaType: 'application/pdf' }, 'screenshot.png', 10)).toBe(
      'application/pdf',
    );
    expect(
      acceptEvidenceContent(
        { kind: 'detected', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        'a.xlsx',
        10,
      ),
    ).toContain('spreadsheetml');
  });

  it('refuses a detected type off the list, naming the file field', () => {
    expect(
      refusal(() =>
        acceptEvidenceContent({ kind: 'detected', mediaType: 'application/x-msdownload' }, 'report.pdf', 10),
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', field: 'file' });
  });

  it('takes text only under a text name, and types it by that name', () => {
    expect(acceptEvidenceContent({ kind: 'text' }, 'ports.CSV', 10)).toBe('text/csv; charset=utf-8');
    expect(acceptEvidenceContent({ kind: 'text' }, 'syslog.log', 10)).toBe('text/plain; charset=utf-8');
    expect(acceptEvidenceContent({ kind: 'text' }, 'config.json', 10)).toBe('application/json');
    expect(refusal(() => acceptEvidenceContent({ kind: 'text' }, 'page.html', 10)).field).toBe('file');
    expect(refusal(() => acceptEvidenceContent({ kind: 'text' }, 'README', 10)).field).toBe('file');
  });

  it('refuses unknown content and empty files', () => {
    expect(refusal(() => acceptEvidenceContent({ kind: 'unknown' }, 'notes.txt', 10)).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => acceptEvidenceContent({ kind: 'text' }, 'empty.txt', 0)).field).toBe('file');
  });
});

describe('cleanFileName', () => {
  it('keeps the last path segment without control characters', () => {
    expect(cleanFileName('C:\\Users\\me\\報告書.pdf')).toBe('報告書.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n.txt')).toBe('ab.txt');
    expect(cleanFileName('..')).toBe('evidence');
  });

  it('shortens a long name to 255 characters and keeps its extension', () => {
    const cleaned = cleanFileName(`${'x'.repeat(400)}.pdf`);
    expect(cleaned).toHaveLength(255);
    expect(cleaned.endsWith('.pdf')).toBe(true);
  });
});

describe('sizes', () => {
  it('formats limits for people', () => {
    expect(formatBytes(26_214_400)).toBe('25 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GiB');
  });

  it('refuses an oversized upload with 413 facts', () => {
    const error = evidenceTooLarge(1_048_576);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('1 MiB');
    expect(error.extensions).toEqual({ limitBytes: 1_048_576 });
  });
});
