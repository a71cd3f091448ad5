import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../app.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';
import { createApiFixture, type ApiFixture } from './testdata/api-fixture.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function tableOperations(): string[] {
  return ROUTES.filter((r) => r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`)
    .sort();
}

function documentOperations(): string[] {
  return Object.entries(OPENAPI_DOCUMENT.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((k) => METHODS.includes(k))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('the OpenAPI document', () => {
  it('describes exactly the /api/v1 routes of the routes table', () => {
    expect(documentOperations()).toEqual(tableOperations());
  });

  it('names every operation once and resolves every reference', () => {
    const text = JSON.stringify(OPENAPI_DOCUMENT);
    const ids = [...text.matchAll(/"operationId":"(\w+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, kind, name] of text.matchAll(/"\$ref":"#\/components\/(schemas|responses)\/(\w+)"/g)) {
      expect(Object.keys(OPENAPI_DOCUMENT.components[kind as 'schemas' | 'responses']), `${kind}/${name}`).toContain(
        name,
      );
    }
    expect(OPENAPI_DOCUMENT.openapi).toBe('3.1.0');
  });

  describe('GET /api/v1/openapi.json', () => {
    let f: ApiFixture;
    beforeAll(async () => {
      f = await createApiFixture();
    });
    afterAll(async () => {
      await f.close();
    });

    it('serves the document to any user', async () => {
      const response = await f.call('GET', '/api/v1/openapi.json', { as: 'bobRead' });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI_DOCUMENT)));
    });
  });
});
