import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvRecordReader } from '../../core/inventory/import/csv-records';
import type {
  CatalogNodeView,
  FrameworkList,
  FrameworkTreeResponse,
  SearchResponse,
} from '../../contracts/catalog.schema';
import { createTestApp } from '../../testing/test-app';
import { createSqliteTestDatabase, type TestDatabase } from '../../testing/test-database';

describe('/api/catalog', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await createSqliteTestDatabase();
    app = await createTestApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('lists the checksheet, both CSF versions and the guideline frameworks with counts and content hashes', async () => {
    const body = (await get('/api/catalog/frameworks')).json<FrameworkList>();
    const ids = body.frameworks.map((framework) => framework.id);
    expect(ids).toEqual(
      expect.arrayContaining(['jssec-v2', 'nist-csf-1.1', 'nist-csf-2.0', 'etsi-en-303-645', 'jc-star-1']),
    );
    for (const framework of body.frameworks)
      expect(Object.keys(framework.counts).length, framework.id).toBeGreaterThan(0);
    const jssec = body.frameworks.find((framework) => framework.id === 'jssec-v2');
    expect(jssec?.counts).toEqual({ function: 5, category: 23, item: 60, check: 143 });
    expect(jssec?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns the whole tree with explanations, tags and CSF 2.0 links', async () => {
    const body = (await get('/api/catalog/frameworks/jssec-v2')).json<FrameworkTreeResponse>();
    expect(body.functions.map((fn) => fn.code)).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
    const item25 = body.functions[1]?.children[0]?.children.find((item) => item.code === '25');
    expect(item25?.children).toHaveLength(4);
    expect(item25?.explanation?.why.ja).toBeTruthy();
    expect(item25?.tags?.verifiable).toContain('default_credentials');
    expect(item25?.csf20?.every((link) => link.id.startsWith('nist-csf-2.0:'))).toBe(true);
  });

  it('returns a node with its ancestors, children and crosswalks both ways', async () => {
    const item = (await get('/api/catalog/nodes/jssec-v2:25')).json<CatalogNodeView>();
    expect(item.ancestors.map((node) => node.code)).toEqual(['PR', 'PR.AC']);
    expect(item.children.map((node) => node.id)).toEqual([
      'jssec-v2:25.1',
      'jssec-v2:25.2',
      'jssec-v2:25.3',
      'jssec-v2:25.4',
    ]);
    expect(item.crosswalks.outgoing.map((link) => link.id)).toContain('nist-csf-1.1:PR.AC');

    const subcategory = (await get('/api/catalog/nodes/nist-csf-2.0:PR.AA-01')).json<CatalogNodeView>();
    expect(subcategory.crosswalks.incoming.some((link) => link.id === 'jssec-v2:25')).toBe(true);
    const superseded = (await get('/api/catalog/nodes/nist-csf-1.1:ID.BE-2')).json<CatalogNodeView>();
    expect(superseded.node.superseded?.to).toEqual(['nist-csf-2.0:GV.OC-01']);
  });

  it('answers unknown ids with 404 problems', async () => {
    const node = await get('/api/catalog/nodes/jssec-v2:99');
    expect(node.statusCode).toBe(404);
    expect(node.json()).toMatchObject({ code: 'CATALOG_NODE_NOT_FOUND' });
    expect((await get('/api/catalog/frameworks/nope')).json()).toMatchObject({
      status: 404,
      code: 'FRAMEWORK_NOT_FOUND',
    });
  });

  it('searches in both languages and by code', async () => {
    const search = async (q: string) =>
      (await get(`/api/catalog/search?q=${encodeURIComponent(q)}&framework=jssec-v2`)).json<SearchResponse>();
    expect((await search('パスワード')).results.map((hit) => hit.id)).toEqual(
      expect.arrayContaining(['jssec-v2:25', 'jssec-v2:26']),
    );
    expect((await search('Password')).results.map((hit) => hit.id)).toEqual(
      expect.arrayContaining(['jssec-v2:25', 'jssec-v2:26']),
    );
    expect((await search('ID.AM')).results[0]).toMatchObject({ id: 'jssec-v2:ID.AM', kind: 'category', path: ['ID'] });
    expect((await search('telnet')).results[0]?.id).toBe('jssec-v2:32');
  });

  it('refuses an empty or over-long query with a located 400', async () => {
    const empty = await get('/api/catalog/search?q=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toContain('querystring');
    expect((await get(`/api/catalog/search?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
  });

  it('exports CSV with a BOM and YAML and JSON in one language', async () => {
    const csv = await get('/api/catalog/frameworks/jssec-v2/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeffid,kind,function,category,item,code,title_ja,explanation_ja,title_en')).toBe(
      true,
    );
    // Explanations hold blank lines: each such field is quoted, so Excel keeps one row per node.
    const reader = new CsvRecordReader(',');
    const records = [...reader.push(csv.body.slice(1)), ...reader.end()].filter((record) => record.cells.length > 1);
    expect(records.length).toBeGreaterThan(60);
    expect(records.every((record) => record.cells.length === records[0]!.cells.length)).toBe(true);
    const json = (await get('/api/catalog/frameworks/jssec-v2/export?format=json&lang=en')).json();
    expect(typeof json.functions[0].categories[0].items[0].title).toBe('string');
    const yaml = await get('/api/catalog/frameworks/nist-csf-2.0/export?format=yaml&lang=ja');
    expect(yaml.body).toContain('subcategories:');
  });

  it('exports an OSCAL catalog in the language asked for (Japanese by default)', async () => {
    const oscal = await get('/api/catalog/frameworks/jssec-v2/export?format=oscal&lang=en');
    expect(oscal.statusCode).toBe(200);
    expect(oscal.headers['content-type']).toContain('application/json');
    expect(oscal.headers['content-disposition']).toBe('attachment; filename="jssec-v2.en.oscal.json"');
    const document = oscal.json();
    expect(document.catalog.metadata['oscal-version']).toBe('1.1.3');
    expect(document.catalog.groups[0].title).toBe('Identify');
    const japanese = (await get('/api/catalog/frameworks/jssec-v2/export?format=oscal')).json();
    expect(japanese.catalog.groups[0].title).toBe('識別');
  });
});
