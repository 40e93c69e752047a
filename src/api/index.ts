/**
 * api/: the HTTP edge. This surface is what the composition root and route plugins from other
 * modules (the simulator's) build on: the app, its context, and the guards.
 */
export { buildApp, type RoutePlugin } from './app.js';
export type { ApiContext } from './context.js';
export { authenticate, principalOf } from './plugins/auth.js';
export { DUMMY_HASH } from './auth/passwords.js';
export { totpCode } from './auth/totp.js';
export { errorBody } from './errors.js';
export { answers, contentAnswer, ErrorAnswer, Instant, List, NoContent, Obj, Row } from './answers.js';
