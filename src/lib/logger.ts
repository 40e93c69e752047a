import pino, { type Logger } from 'pino';

export type { Logger };

/** Masks a phone number or email for logs: keeps the last digits / the domain. */
export function maskPii(s: string): string {
  if (s.includes('@')) return s.replace(/^[^@]{0,64}/, (m) => `${m.slice(0, 1)}***`);
  return s.replace(/\d(?=\d{2})/g, '*');
}

/** The root logger: JSON, or pretty on a TTY; secrets redacted. */
export function createLogger(level: string, opts: { pretty?: boolean } = {}): Logger {
  const pretty = opts.pretty ?? process.stdout.isTTY;
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.refreshToken', '*.accessToken', '*.clientSecret', '*.token'],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } } : {}),
  });
}
