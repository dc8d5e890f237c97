import { describe, expect, it } from 'vitest';
import { filterDocuments } from './guideline-filters';

type Summary = Parameters<typeof filterDocuments>[0][number];
const text = (value: string) => ({ ja: value, en: value });
const documentOf = (id: string, audiences: string[], industries: string[]): Summary =>
  ({
    id,
    audiences,
    industries,
    phases: ['operate'],
    publisher: text('Publisher'),
    title: { original: id, ...text(id) },
    summary: text(`${id} summary`),
  }) as unknown as Summary;

describe('filterDocuments', () => {
  const documents = [
    documentOf('home', ['consumer'], ['smart_home']),
    documentOf('general', ['enterprise_user'], ['general']),
    documentOf('cars', ['enterprise_user'], ['automotive']),
  ];
  const ids = (filter: Record<string, string>) =>
    filterDocuments(documents, { audience: '', industry: '', phase: '', publisher: '', query: '', ...filter }).map(
      (document) => document.id,
    );

  it('counts a document for every industry as one for the industry asked for', () => {
    expect(ids({ industry: 'smart_home' })).toEqual(['home', 'general']);
    expect(ids({ industry: 'smart_home', audience: 'enterprise_user' })).toEqual(['general']);
    expect(ids({ industry: 'automotive' })).toEqual(['general', 'cars']);
    expect(ids({ query: 'cars summary' })).toEqual(['cars']);
  });
});
