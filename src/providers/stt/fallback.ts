/**
 * A SpeechToText over a chain of providers for one call. When the live stream fails (an error event,
 * a thrown iterator, a socket that stopped answering, or one the session found silent: `lost`), the same provider is reopened once; after its
 * second failure in the call the next provider takes over, and the switch is reported. Caller audio
 * keeps flowing into whichever stream is current; only the last provider's failure reaches the session.
 */
import { AsyncQueue } from '../shared/async-queue.js';
import { ProviderError, toProviderError } from '../shared/errors.js';
import { CallHealth, type OnSwitch } from '../shared/switches.js';
import type { AudioFrame, SpeechToText, SttEvent, SttOpen, SttStream } from '../types.js';

/** Fallback across STT vendors within a call. */
export class FallbackSpeechToText implements SpeechToText {
  readonly label: string;
  readonly caps;
  constructor(
    private readonly chain: SpeechToText[],
    private readonly health = new CallHealth(),
    private readonly onSwitch?: OnSwitch,
  ) {
    this.label = `fallback(${chain.map((p) => p.label).join(',')})`;
    this.caps = chain[0].caps;
  }

  open(o: SttOpen): SttStream {
    const out = new AsyncQueue<SttEvent>();
    let index = 0;
    let current: SttStream | null = null;
    let closed = false;
    const start = () => {
      const provider = this.chain[index];
      let stream: SttStream;
      try {
        stream = provider.open(o);
      } catch (e) {
        return void failed(provider, toProviderError(provider.label, e));
      }
      current = stream;
      void (async () => {
        try {
          for await (const ev of stream) {
            if (closed || current !== stream) return;
            if (ev.type === 'error') return failed(provider, ev.error);
            out.push(ev);
          }
        } catch (e) {
          if (!closed && current === stream) failed(provider, toProviderError(provider.label, e));
        }
      })();
    };
    const failed = (provider: SpeechToText, err: ProviderError) => {
      if (closed) return;
      const old = current;
      current = null;
      void old?.close().catch(() => undefined);
      const demoted = this.health.fail(provider.label);
      if (!demoted && err.retryable) return start(); // first failure: reopen the same vendor
      if (index + 1 >= this.chain.length) return void out.push({ type: 'error', error: err });
      index++;
      this.onSwitch?.({ stage: 'stt', from: provider.label, to: this.chain[index].label, reason: err.message });
      start();
    };
    start();
    return {
      lost: (reason: string) => {
        const provider = this.chain[index];
        if (current) failed(provider, new ProviderError(provider.label, reason, { retryable: true }));
      },
      push: (frame: AudioFrame) => current?.push(frame),
      finalize: () => current?.finalize(),
      close: async () => {
        closed = true;
        out.end();
        await current?.close();
      },
      [Symbol.asyncIterator]: () => out[Symbol.asyncIterator](),
    };
  }
}
