import { randomBytes, randomUUID } from 'node:crypto';

/** A new random UUID (v4). */
export const newId = (): string => randomUUID();

/** A URL-safe random token of `bytes` bytes of entropy. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** True when `s` is a UUID; ids that are not are answered 404 without a query. */
export const isUuid = (s: string): boolean => UUID_RE.test(s);
