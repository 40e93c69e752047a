/** Leaf DSP for telephony audio: codec, resampling, framing, VAD, WAV. */
export { ulawToPcm, pcmToUlaw, ULAW_TO_PCM, ULAW_SILENCE } from './mulaw.js';
export { UlawAudio } from './ulaw-audio.js';
export { resample } from './resample.js';
export { ByteFramer, PcmFramer, frameSamples } from './framer.js';
export { energyVad, webrtcVad, frameDbfs, type FrameVad } from './vad.js';
export { writeWav, readWav, type WavAudio } from './wav.js';
export { tone, silence, concatPcm } from './signals.js';
