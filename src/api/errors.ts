import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, isDependencyFailure } from '../lib/index.js';

/** The one error body of the API. */
export const errorBody = (code: string, message: string, details?: unknown) => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'the request body is too large'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', 'the body is empty; send a JSON object'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'BAD_REQUEST', 'content length does not match the body'],
};

/**
 * Maps every error to `{ error: { code, message } }` (codes in snake_case, per API.md): AppError with its status, validation failures to
 * 400 with the field paths, known framework errors to their 4xx, a dependency that is down or timed out to 503, anything else to a masked 500.
 */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      path: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    const msg = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    return reply.status(400).send(errorBody('validation_failed', msg.slice(0, 500), { fields }));
  }
  if (isAppError(err)) {
    if (err.code === 'RATE_LIMITED')
      reply.header('Retry-After', String((err.details as { retryAfterSec: number }).retryAfterSec));
    return reply.status(err.status).send(errorBody(err.code.toLowerCase(), err.message, err.details));
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return reply.status(known[0]).send(errorBody(known[1].toLowerCase(), known[2]));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.status(err.statusCode).send(errorBody('bad_request', err.message));
  }
  // The database or another dependency is away or too slow: say so fast, so clients and balancers retry elsewhere.
  if (isDependencyFailure(err)) {
    req.log.warn({ err }, 'dependency unavailable');
    return reply
      .status(503)
      .header('Retry-After', '2')
      .send(errorBody('unavailable', 'a service we depend on is unavailable; try again shortly'));
  }
  req.log.error({ err }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'something went wrong on our side'));
}
