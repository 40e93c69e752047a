import pino, { type Logger } from 'pino';

export type { Logger };

/** Masks a phone number or email for logs: keeps the last digits / the domain. */
export function maskPii(s: string): string {
  if (s.includes('@')) return s.replace(/^[^@]{0,64}/, (m) => `${m.slice(0, 1)}***`);
  return s.replace(/\d(?=\d{2})/g, '*');
}

const SECRET_PARAMS =
  /([?&](?:token|access_token|refresh_token|refreshToken|ticket|code|state|key|signature)=)[^&#]*/gi;
/** Path segments that are secrets themselves: acknowledge links. */
const SECRET_PATHS = /(\/api\/ack\/)[^/?#]+/g;

/** A request URL fit for logs: bearer, ICS, acknowledge and OAuth secrets replaced by [redacted]. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]').replace(SECRET_PATHS, '$1[redacted]');
}

/** How a request appears in logs (Fastify's shape, with the URL's secrets redacted and no headers). */
function serializeRequest(req: { method?: string; url?: string; hostname?: string; ip?: string; id?: string }) {
  return {
    method: req.method,
    url: redactUrl(req.url ?? ''),
    hostname: req.hostname,
    remoteAddress: req.ip,
    id: req.id,
  };
}

/** The root logger: JSON, or pretty on a TTY; secrets redacted. */
export function createLogger(level: string, opts: { pretty?: boolean; stream?: pino.DestinationStream } = {}): Logger {
  const pretty = opts.pretty ?? process.stdout.isTTY;
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          '*.password',
          '*.refreshToken',
          '*.accessToken',
          '*.clientSecret',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: { req: serializeRequest },
      ...(pretty && !opts.stream
        ? { transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } }
        : {}),
    },
    ...(opts.stream ? [opts.stream] : []),
  );
}
