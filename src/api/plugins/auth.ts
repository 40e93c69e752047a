import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../lib/index.js';
import type { AccessTokens, Principal, Role } from '../auth/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The verified caller of an authenticated route (throws 401 if there is none). */
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw errors.unauthorized();
  return req.principal;
}

/** Roles allowed to write each area; reads are open to every role of the organization. */
export const WRITE_ROLES = {
  settings: ['admin'] as Role[],
  operations: ['admin', 'operator'] as Role[],
};

/** A preHandler that verifies the bearer token and, when roles are given, the caller's role. */
export function authenticate(tokens: AccessTokens, roles?: Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const h = req.headers.authorization;
    if (!h || !h.startsWith('Bearer ')) throw errors.unauthorized('send Authorization: Bearer <access token>');
    req.principal = await tokens.verify(h.slice(7).trim());
    if (roles && !roles.includes(req.principal.role))
      throw errors.forbidden(`this needs the role ${roles.join(' or ')}`);
  };
}

/** Registers `onRequest` auth on every route of a scope; writes additionally need `writeRoles`. */
export function protect(app: FastifyInstance, tokens: AccessTokens, writeRoles: Role[]) {
  const read = authenticate(tokens);
  const write = authenticate(tokens, writeRoles);
  app.addHook('onRequest', async (req, reply) => {
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    await (isWrite ? write : read)(req, reply);
  });
}
