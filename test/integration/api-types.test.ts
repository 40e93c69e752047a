// Invariant: the dashboard's API types (web/src/api-types.ts) are exactly what openapi-typescript
// makes of the server's /docs/json today: a route whose answer changed fails here until
// `npm run gen:api-types` is run and the file committed.
import { beforeAll, describe, expect, it } from 'vitest';
import { apiTypesSource, committedApiTypes, openApiDocument } from '../../scripts/api-types.js';

let doc: Record<string, unknown>;
beforeAll(async () => {
  doc = await openApiDocument();
});

describe('generated API types', () => {
  it('web/src/api-types.ts matches the routes (run `npm run gen:api-types` when this fails)', async () => {
    const fresh = await apiTypesSource(doc);
    expect(fresh).toContain('"/api/calls/{id}"');
    // compared as a boolean: a diff of two 8,000-line files says less than the instruction
    expect(committedApiTypes() === fresh, 'web/src/api-types.ts is out of date: run `npm run gen:api-types`').toBe(
      true,
    );
  });

  it('a changed answer shows: the document without one route makes different types', async () => {
    const paths = { ...(doc.paths as Record<string, unknown>) };
    delete paths['/api/leads'];
    expect((await apiTypesSource({ ...doc, paths })) === committedApiTypes()).toBe(false);
  });
});
