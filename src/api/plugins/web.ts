import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RoutePlugin } from '../app.js';
import type { ApiContext } from '../context.js';
import { errorBody } from '../errors.js';

/** Where `npm run build:web` writes the dashboard. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Paths the SPA never answers: they belong to the API, the telephony edge or the system routes. */
const NOT_SPA = /^\/(api|twilio|docs|health|metrics)(\/|$|\?)/;

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>InfiniOffice</title>
<p style="font:16px system-ui;margin:3rem">The dashboard has not been built yet. Run <code>npm run build:web</code> and reload.</p>`;

/**
 * Serves the dashboard (web/dist) from the product's own server: hashed assets are cached for a year,
 * index.html never is, and every other GET that is not an API path answers index.html so deep links
 * (`/calls/…`) work after a reload. Unknown API paths keep the JSON 404 of the API.
 */
export function createWebPlugin(opts: { dist?: string } = {}): RoutePlugin {
  const dist = opts.dist ?? WEB_DIST;
  return async (app: FastifyInstance, _ctx: ApiContext) => {
    const built = existsSync(`${dist}/index.html`);
    if (built) {
      await app.register(fastifyStatic, {
        root: dist,
        wildcard: false,
        index: false,
        // web/vite.config.ts writes .gz files beside the assets; browsers that accept gzip get those.
        preCompressed: true,
        setHeaders: (reply, path) => {
          reply.header(
            'cache-control',
            /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    // Read once per process: index.html only changes with a new build, which comes with a restart.
    let index: string | undefined;
    const sendIndex = (reply: FastifyReply) => {
      if (built) index ??= readFileSync(`${dist}/index.html`, 'utf8');
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(built ? index : NOT_BUILT);
    };
    const spa = async (req: { url: string; method: string }, reply: FastifyReply) => {
      if (NOT_SPA.test(req.url))
        return reply.status(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
      return sendIndex(reply);
    };
    app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply));
    app.get('/*', { schema: { hide: true } }, (req, reply) => spa(req, reply));
  };
}

/** The dashboard plugin over the default build directory. */
export const webPlugin: RoutePlugin = createWebPlugin();
