import { describe, expect, it } from 'vitest';
import { installProcessGuards, isDependencyFailure } from './process-guard.js';

describe('process guards', () => {
  it('tells a dependency going away from our own bug', () => {
    expect(
      isDependencyFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isDependencyFailure(
        Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
      ),
    ).toBe(true);
    expect(isDependencyFailure(new Error('Command timed out'))).toBe(true);
    expect(isDependencyFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDependencyFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDependencyFailure('boom')).toBe(false);
  });

  it('logs an unhandled rejection and a dependency exception and goes on; closes the node on any other exception', () => {
    const logged: string[] = [];
    const fatal: unknown[] = [];
    const logger = {
      error: (_o: unknown, m: string) => logged.push(`error: ${m}`),
      fatal: (_o: unknown, m: string) => logged.push(`fatal: ${m}`),
    };
    const remove = installProcessGuards(logger as never, (e) => fatal.push(e));
    try {
      process.emit('unhandledRejection', new Error('Connection is closed.'), Promise.resolve());
      (process.emit as (e: string, ...a: unknown[]) => boolean)(
        'uncaughtException',
        Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
        'uncaughtException',
      );
      expect(fatal).toHaveLength(0);
      const bug = new TypeError('x is not a function');
      (process.emit as (e: string, ...a: unknown[]) => boolean)('uncaughtException', bug, 'uncaughtException');
      expect(fatal).toEqual([bug]);
      expect(logged).toEqual([
        'error: unhandled promise rejection (logged; the node keeps running)',
        'error: uncaught dependency failure (logged; the node keeps running)',
        'fatal: uncaught exception: closing the node',
      ]);
    } finally {
      remove();
    }
  });
});
