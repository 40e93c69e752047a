// Invariant: on a production database (DATABASE_URL) the server refuses to start without JWT_SECRET
// and ENCRYPTION_KEY from the environment, saying how to generate them; the demo business and its
// published password exist only on the embedded database or with SEED_DEMO=true. (On the old code
// both were silently generated/seeded.)
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';

const PG = 'postgres://postgres@127.0.0.1:5432/prod';
const KEYS = { JWT_SECRET: 'x'.repeat(40), ENCRYPTION_KEY: 'ab'.repeat(32) };

describe('secrets and demo data', () => {
  it('DATABASE_URL without JWT_SECRET or ENCRYPTION_KEY refuses to start and says how to generate them', () => {
    expect(() => loadConfig({ DATABASE_URL: PG })).toThrow(
      /JWT_SECRET and ENCRYPTION_KEY must be set[\s\S]*openssl rand -hex 32/,
    );
    expect(() => loadConfig({ DATABASE_URL: PG, JWT_SECRET: KEYS.JWT_SECRET })).toThrow(/ENCRYPTION_KEY must be set/);
    expect(loadConfig({ DATABASE_URL: PG, ...KEYS }).auth.jwtSecret).toBe(KEYS.JWT_SECRET);
  });

  it('the demo business is seeded on the embedded database only, or when SEED_DEMO=true', () => {
    expect(loadConfig({}).seedDemo).toBeDefined();
    expect(loadConfig({ DATABASE_URL: PG, ...KEYS }).seedDemo).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: PG, ...KEYS, SEED_DEMO: 'true' }).seedDemo).toBeDefined();
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBeUndefined();
  });
});
