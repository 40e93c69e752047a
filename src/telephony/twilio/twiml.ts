import { escapeXml } from '../../lib/index.js';
/** Escapes text for an XML attribute or element (TwiML): lib's one definition. */
export const xml = escapeXml;

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;

/**
 * Bidirectional media stream with the call's parameters (they come back in `start.customParameters`).
 * With `record`, a dual-channel recording (caller and agent on separate channels) starts first
 * (`<Start><Recording>`), reported to `record.statusCallback` when it is complete.
 */
export function connectStreamTwiml(
  streamUrl: string,
  params: Record<string, string>,
  record?: { statusCallback: string },
  afterStream?: string,
): string {
  const p = Object.entries(params)
    .map(([k, v]) => `<Parameter name="${xml(k)}" value="${xml(v)}"/>`)
    .join('');
  const start = record
    ? `<Start><Recording channels="dual" track="both" recordingStatusCallback="${xml(record.statusCallback)}" recordingStatusCallbackMethod="POST" recordingStatusCallbackEvent="completed"/></Start>`
    : '';
  // With `afterStream`, Twilio asks that URL what to do once the stream ends while the caller is still on.
  const connect = afterStream ? `<Connect action="${xml(afterStream)}">` : '<Connect>';
  return doc(`${start}${connect}<Stream url="${xml(streamUrl)}">${p}</Stream></Connect>`);
}

/** Speaks a sentence, then hangs up. */
export const sayHangupTwiml = (text: string): string => doc(`<Say>${xml(text)}</Say><Hangup/>`);

/**
 * Speaks a sentence (when given) and records a voicemail, reported to `recordingCallback`. `<Record>`
 * without an action re-requests the document that contained it, which would play the prompt again:
 * `done` is where Twilio goes once the caller finished (it answers with a hang-up).
 */
export const voicemailTwiml = (text: string, recordingCallback: string, done: string): string =>
  doc(
    `${text ? `<Say>${xml(text)}</Say>` : ''}<Record maxLength="120" playBeep="true" action="${xml(done)}" recordingStatusCallback="${xml(recordingCallback)}" recordingStatusCallbackEvent="completed"/>`,
  );

/** Ends the call. */
export const hangupTwiml = (): string => doc('<Hangup/>');

/** Asks Twilio to fetch the call's TwiML again from `url` (through the balancer: another node answers). */
export const redirectTwiml = (url: string): string => doc(`<Redirect method="POST">${xml(url)}</Redirect>`);

/** Speaks a sentence, then connects the caller to `number`. */
export const dialTwiml = (text: string, number: string, fallback?: string): string =>
  doc(
    `${text ? `<Say>${xml(text)}</Say>` : ''}<Dial timeout="25">${xml(number)}</Dial>${fallback ? `<Say>${xml(fallback)}</Say>` : ''}`,
  );

/** Joins a two-party conference room: it starts on entry and ends when either side leaves, without beeps or hold music. */
export const conferenceTwiml = (room: string, text = ''): string =>
  doc(
    `${text ? `<Say>${xml(text)}</Say>` : ''}<Dial><Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="false" waitUrl="">${xml(room)}</Conference></Dial>`,
  );

/**
 * What the person a call is transferred to hears on answering: who is calling and why, then one key
 * (1 takes the call, anything else declines). Silence (a voicemail box) falls through to a hang-up.
 */
export const screeningTwiml = (whisper: string, action: string): string =>
  doc(
    `<Gather numDigits="1" timeout="8" action="${xml(action)}" method="POST"><Say>${xml(whisper)} Press 1 to take the call, or 2 to decline.</Say></Gather><Say>No key was pressed. Goodbye.</Say><Hangup/>`,
  );
