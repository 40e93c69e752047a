/** Small HTTP/WS helpers shared by vendor adapters. */
import { ProviderError } from './errors.js';

/** `https://x` → `wss://x`, `http://x` → `ws://x`. */
export function toWsUrl(httpBase: string): string {
  return httpBase.replace(/^http/, 'ws');
}

/**
 * `ws` client options for a vendor's streaming-audio socket (a server we chose, reached over TLS in
 * production), which carries dozens of small messages a second per call:
 * - a zero masking key: RFC 6455 still has the frame masked, but XOR with zero needs no copy of the
 *   payload (`ws` writes the string as is). Masking guards intermediaries against script-written
 *   bytes; it protects nothing on a server-to-server socket, and the vendor unmasks it like any other;
 * - no UTF-8 validation of what the vendor sends (it is parsed as JSON, which fails on garbage anyway);
 * - no compression (audio is base64 and barely compresses; deflate costs CPU on every message).
 */
export const VENDOR_SOCKET_OPTIONS = {
  generateMask: (mask: Buffer) => void mask.fill(0),
  skipUTF8Validation: true,
  perMessageDeflate: false,
} as const;

/** Throws a classified ProviderError for a non-2xx response (reads a short body for the message). */
export async function ensureOk(provider: string, res: Response): Promise<void> {
  if (res.ok) return;
  let detail = '';
  try {
    detail = (await res.text()).slice(0, 200);
  } catch {
    /* body unreadable */
  }
  throw new ProviderError(provider, `HTTP ${res.status} ${detail}`.trim(), { status: res.status });
}

/** Iterates the `data:` payloads of a server-sent-events body. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buf += decoder.decode(chunk, { stream: true });
    let idx: number;
    while ((idx = buf.search(/\r?\n\r?\n/)) >= 0) {
      const block = buf.slice(0, idx);
      buf = buf.slice(idx + (buf[idx] === '\r' ? 4 : 2));
      const data = block
        .split(/\r?\n/)
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).replace(/^ /, ''))
        .join('\n');
      if (data) yield data;
    }
  }
}
