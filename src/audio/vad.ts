/**
 * Frame-level voice activity detection: an energy detector (no dependencies, microseconds per frame)
 * and WebRTC's VAD compiled to WASM (@echogarden/fvad-wasm), which takes 8 kHz frames directly.
 * Both answer one question per 20 ms frame; smoothing into speech start/end lives in voice/turns.
 */

/** Classifies one PCM16 frame as speech or not. */
export interface FrameVad {
  readonly label: string;
  isSpeech(frame: Int16Array): boolean;
  /** Releases native resources (WASM handles). */
  dispose(): void;
}

/** Root-mean-square level of a frame in dBFS (−∞ for digital silence). */
export function frameDbfs(frame: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < frame.length; i++) sum += frame[i] * frame[i];
  const rms = Math.sqrt(sum / Math.max(1, frame.length));
  return rms === 0 ? -Infinity : 20 * Math.log10(rms / 32768);
}

/**
 * Energy VAD: speech when the frame's level exceeds `thresholdDbfs`.
 * −40 dBFS sits well above μ-law line noise (≈ −60 dBFS) and below normal phone speech (≈ −25 dBFS).
 */
export function energyVad(thresholdDbfs = -40): FrameVad {
  const threshold = Math.pow(10, thresholdDbfs / 20) * 32768;
  const threshold2 = threshold * threshold;
  return {
    label: 'energy',
    isSpeech(frame) {
      let sum = 0;
      for (let i = 0; i < frame.length; i++) sum += frame[i] * frame[i];
      return sum / Math.max(1, frame.length) > threshold2;
    },
    dispose() {},
  };
}

interface FvadModule {
  _fvad_new(): number;
  _fvad_free(h: number): void;
  _fvad_set_mode(h: number, mode: number): number;
  _fvad_set_sample_rate(h: number, rate: number): number;
  _fvad_process(h: number, ptr: number, samples: number): number;
  _malloc(n: number): number;
  _free(p: number): void;
  HEAP16: Int16Array;
}

let fvadModule: Promise<FvadModule> | null = null;

/** Loads the WebRTC VAD WASM module once per process (≈ 20 KiB, shared by all calls). */
function loadFvad(): Promise<FvadModule> {
  fvadModule ??= import('@echogarden/fvad-wasm/fvad.js' as string).then((m: { default: () => Promise<FvadModule> }) =>
    m.default(),
  );
  return fvadModule;
}

/**
 * WebRTC VAD at 8 kHz. `mode` 0–3 is its aggressiveness (3 rejects the most non-speech).
 * Frames must be 10, 20 or 30 ms long (80, 160 or 240 samples at 8 kHz).
 */
export async function webrtcVad(mode: 0 | 1 | 2 | 3 = 2, sampleRate = 8000): Promise<FrameVad> {
  const m = await loadFvad();
  const handle = m._fvad_new();
  if (!handle) throw new Error('fvad_new failed');
  if (m._fvad_set_mode(handle, mode) !== 0 || m._fvad_set_sample_rate(handle, sampleRate) !== 0) {
    m._fvad_free(handle);
    throw new Error('fvad rejected mode or sample rate');
  }
  const maxSamples = (sampleRate * 30) / 1000;
  const ptr = m._malloc(maxSamples * 2);
  let disposed = false;
  return {
    label: 'webrtc',
    isSpeech(frame) {
      if (disposed) return false;
      m.HEAP16.set(frame.subarray(0, maxSamples), ptr >> 1);
      return m._fvad_process(handle, ptr, Math.min(frame.length, maxSamples)) === 1;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      m._free(ptr);
      m._fvad_free(handle);
    },
  };
}
