/** Small HTTP/WS helpers shared by vendor adapters. */
import { ProviderError } from './errors.js';

/** `https://x` → `wss://x`, `http://x` → `ws://x`. */
export function toWsUrl(httpBase: string): string {
  return httpBase.replace(/^http/, 'ws');
}

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
