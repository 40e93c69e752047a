/**
 * The dashboard's API types, generated from the server's own OpenAPI document (`/docs/json`) with
 * openapi-typescript: `npm run gen:api-types` writes web/src/api-types.ts, and
 * test/integration/api-types.test.ts fails when the committed file no longer matches the routes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestServer } from '../test/harness/server.js';

/** Where the generated types live. */
export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/api-types.ts', import.meta.url));

const HEADER = `/**
 * The HTTP API's types, generated from the server's OpenAPI document (/docs/json) by openapi-typescript.
 * Do not edit: change the route's response schema and run \`npm run gen:api-types\`.
 */
`;

/** The server's OpenAPI document, from a throwaway server on an in-memory database. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const server = await startTestServer();
  try {
    const res = await fetch(`${server.url}/docs/json`);
    if (!res.ok) throw new Error(`/docs/json answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  } finally {
    await server.close();
  }
}

/** The text of web/src/api-types.ts for this document. */
export async function apiTypesSource(doc: Record<string, unknown>): Promise<string> {
  // the version changes with every release and says nothing about the shapes
  const stable = { ...doc, info: { ...(doc.info as object), version: '0' } };
  const ast = await openapiTS(stable as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

/** The committed file's text. */
export const committedApiTypes = () => readFileSync(API_TYPES_FILE, 'utf8');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = await apiTypesSource(await openApiDocument());
  writeFileSync(API_TYPES_FILE, text);
  console.log(`wrote ${API_TYPES_FILE} (${text.length} characters)`);
  process.exit(0);
}
