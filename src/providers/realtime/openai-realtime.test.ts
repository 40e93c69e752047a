// Invariant: the Realtime adapter speaks only the GA interface (no beta header, GA session shape, GA event names), uses the configured model and the requested voice, and reports a dead or refusing upstream as a ProviderError instead of hanging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pcmToUlaw, tone, UlawAudio } from '../../audio/index.js';
import { startFakeOpenAi, type FakeOpenAi } from '../../../test/fakes/openai.js';
import { OpenAiRealtimeVoice, OPENAI_REALTIME_DEFAULTS, type RealtimeEvent } from '../index.js';
import { scaled } from '../../../test/harness/timing.js';

let oa: FakeOpenAi;
beforeAll(async () => {
  oa = await startFakeOpenAi();
});
afterAll(async () => {
  await oa.close();
});

describe('OpenAI Realtime (GA)', () => {
  it('configures a GA session (pcmu both ways, server VAD, transcription, voice, tools), relays caller audio and streams μ-law back', async () => {
    oa.realtimeTranscripts.push('do you have anything tomorrow');
    oa.realtimeScript.push({ text: 'Yes, we have ten in the morning.' });
    const rt = new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` });
    const s = await rt.connect({
      instructions: 'be nice',
      voice: 'cedar',
      language: 'en',
      tools: [{ name: 'book', description: 'b', parameters: { type: 'object' } }],
    });
    const events: RealtimeEvent[] = [];
    const done = new Promise<void>((r) => s.onEvent((e) => (events.push(e), e.type === 'responseDone' && r())));
    const speech = pcmToUlaw(tone(400, 300));
    for (let i = 0; i < speech.length; i += 160) s.appendAudio(UlawAudio.fromBytes(speech.slice(i, i + 160)));
    const quiet = UlawAudio.fromBytes(new Uint8Array(160).fill(0xff));
    for (let i = 0; i < 20; i++) s.appendAudio(quiet);
    await done;
    expect(oa.realtimeRefusals).toEqual([]);
    expect(oa.realtimeModels.at(-1)).toBe(OPENAI_REALTIME_DEFAULTS.model);
    const session = oa.realtimeSessions.at(-1)!;
    expect(session).toMatchObject({
      type: 'realtime',
      output_modalities: ['audio'],
      audio: {
        input: {
          format: { type: 'audio/pcmu' },
          turn_detection: { type: 'server_vad' },
          transcription: { model: OPENAI_REALTIME_DEFAULTS.transcribeModel, language: 'en' },
        },
        output: { format: { type: 'audio/pcmu' }, voice: 'cedar' },
      },
    });
    expect((session.tools as unknown[]).length).toBe(1);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['speechStarted', 'speechStopped', 'audio', 'transcript', 'responseDone']),
    );
    expect(events.find((e) => e.type === 'transcript' && e.role === 'caller')).toMatchObject({
      text: 'do you have anything tomorrow',
    });
    const audioBytes = events
      .filter((e) => e.type === 'audio')
      .reduce((n, e) => n + (e as { audio: UlawAudio }).audio.byteLength, 0);
    expect(audioBytes).toBe(7 * 60 * 8);
    s.addAgentText('Thanks for calling.');
    s.truncate('item_x', 1234.4);
    await new Promise((r) => setTimeout(r, 50));
    expect(oa.realtimeEvents).toContainEqual({
      type: 'conversation.item.truncate',
      item_id: 'item_x',
      content_index: 0,
      audio_end_ms: 1234,
    });
    expect(oa.realtimeRefusals).toEqual([]);
    await s.close();
  });

  it('uses the configured model', async () => {
    const s = await new OpenAiRealtimeVoice({
      apiKey: oa.apiKey,
      baseUrl: `${oa.url}/v1`,
      model: 'gpt-realtime-2.1-mini',
    }).connect({ instructions: '' });
    expect(oa.realtimeModels.at(-1)).toBe('gpt-realtime-2.1-mini');
    await s.close();
  });

  it('the fake refuses the beta header and beta shapes, as the vendor does, so a regression fails', async () => {
    const ws = new WebSocket(`${oa.url.replace('http', 'ws')}/v1/realtime?model=gpt-4o-realtime-preview`, {
      headers: { Authorization: `Bearer ${oa.apiKey}`, 'OpenAI-Beta': 'realtime=v1' },
    });
    const first = await new Promise<Record<string, any>>((r) => ws.once('message', (d) => r(JSON.parse(d.toString()))));
    expect(first).toMatchObject({ type: 'error', error: { code: 'beta_api_shape_disabled' } });
    const ga = new WebSocket(`${oa.url.replace('http', 'ws')}/v1/realtime?model=x`, {
      headers: { Authorization: `Bearer ${oa.apiKey}` },
    });
    const msgs: Array<Record<string, any>> = [];
    ga.on('message', (d) => msgs.push(JSON.parse(d.toString())));
    await new Promise((r) => ga.once('open', r));
    ga.send(
      JSON.stringify({
        type: 'session.update',
        session: { modalities: ['audio', 'text'], input_audio_format: 'g711_ulaw', voice: 'alloy' },
      }),
    );
    ga.send(
      JSON.stringify({
        type: 'conversation.item.create',
        item: { type: 'message', role: 'assistant', content: [{ type: 'text', text: 'hi' }] },
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(msgs.filter((m) => m.type === 'error').map((m) => m.error.code)).toEqual([
      'unknown_parameter',
      'invalid_value',
    ]);
    expect(msgs.some((m) => m.type === 'session.updated')).toBe(false);
    ws.close();
    ga.close();
  });

  it('a rejected handshake is a ProviderError with the HTTP status; a 5xx is retryable', async () => {
    await expect(
      new OpenAiRealtimeVoice({ apiKey: 'bad', baseUrl: `${oa.url}/v1` }).connect({ instructions: '' }),
    ).rejects.toMatchObject({ status: 401, retryable: false });
    oa.realtimeUpgradeStatus = 503;
    try {
      await expect(
        new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` }).connect({ instructions: '' }),
      ).rejects.toMatchObject({ status: 503, retryable: true });
    } finally {
      oa.realtimeUpgradeStatus = 0;
    }
  });

  it('a connect that never completes fails at the connect timeout', async () => {
    oa.realtimeOpenDelayMs = 1000;
    try {
      const t0 = performance.now();
      await expect(
        new OpenAiRealtimeVoice({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1`, connectTimeoutMs: 200 }).connect({
          instructions: '',
        }),
      ).rejects.toMatchObject({ status: 408 });
      expect(performance.now() - t0).toBeLessThan(scaled(1500));
    } finally {
      oa.realtimeOpenDelayMs = 0;
    }
  });
});

describe('OpenAI speech over the Realtime socket (the replacement for the retiring /audio/speech models)', () => {
  it('reads each sentence as an out-of-band response on one socket, μ-law 8 kHz, in the requested voice', async () => {
    const { OpenAiRealtimeTextToSpeech } = await import('../index.js');
    const tts = new OpenAiRealtimeTextToSpeech({ apiKey: oa.apiKey, baseUrl: `${oa.url}/v1` });
    const before = oa.realtimeConnections;
    const refusals = oa.realtimeRefusals.length;
    const read = async (text: string, voice?: string) => {
      let bytes = 0;
      for await (const c of tts.synthesize(text, { voice })) if (c.kind === 'ulaw') bytes += c.data.length;
      return bytes;
    };
    const [a, b] = await Promise.all([read('We open at eight tomorrow.', 'coral'), read('Goodbye.')]);
    expect(a).toBe(5 * 60 * 8);
    expect(b).toBe(1 * 60 * 8);
    expect(oa.realtimeConnections).toBe(before + 1);
    expect(oa.realtimeModels.at(-1)).toBe('gpt-realtime-2.1-mini');
    const creates = oa.realtimeEvents.filter((e) => e.type === 'response.create').slice(-2) as Array<{
      response: Record<string, any>;
    }>;
    expect(creates.map((c) => c.response.conversation)).toEqual(['none', 'none']);
    expect(creates.map((c) => c.response.audio.output.voice).sort()).toEqual(['coral', 'marin']);
    expect(oa.realtimeRefusals.length).toBe(refusals);
    await tts.close();
  });
});
