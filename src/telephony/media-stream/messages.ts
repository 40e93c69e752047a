/**
 * Twilio Media Streams wire messages, as documented at
 * https://www.twilio.com/docs/voice/media-streams/websocket-messages
 * Inbound (Twilio → us): connected, start, media, mark, dtmf, stop.
 * Outbound (us → Twilio, bidirectional <Connect><Stream>): media, mark, clear.
 * Numbers such as sequenceNumber, chunk and timestamp arrive as decimal strings.
 */
import { z } from 'zod';

const numeric = z.string().regex(/^\d{1,15}$/);
const sid = z.string().min(1).max(64);

/** First message after the socket opens. */
export const ConnectedMessage = z.object({
  event: z.literal('connected'),
  protocol: z.string().max(32),
  version: z.string().max(32),
});

/** Stream metadata, including the `<Parameter>`s of the TwiML as customParameters. */
export const StartMessage = z.object({
  event: z.literal('start'),
  sequenceNumber: numeric,
  streamSid: sid,
  start: z.object({
    accountSid: sid,
    streamSid: sid,
    callSid: sid,
    tracks: z.array(z.enum(['inbound', 'outbound'])).max(2),
    customParameters: z.record(z.string().max(128), z.string().max(1024)).default({}),
    mediaFormat: z.object({
      encoding: z.literal('audio/x-mulaw'),
      sampleRate: z.literal(8000),
      channels: z.literal(1),
    }),
  }),
});

/** 20 ms of caller audio: base64 μ-law, 8 kHz mono. */
export const MediaMessage = z.object({
  event: z.literal('media'),
  sequenceNumber: numeric,
  streamSid: sid,
  media: z.object({
    track: z.enum(['inbound', 'outbound']),
    chunk: numeric,
    timestamp: numeric,
    payload: z.string().max(8192),
  }),
});

/** Twilio's echo of a mark we sent: the audio queued before it has played (or was cleared). */
export const MarkMessage = z.object({
  event: z.literal('mark'),
  sequenceNumber: numeric,
  streamSid: sid,
  mark: z.object({ name: z.string().min(1).max(256) }),
});

/** A key press on the caller's phone. */
export const DtmfMessage = z.object({
  event: z.literal('dtmf'),
  sequenceNumber: numeric,
  streamSid: sid,
  dtmf: z.object({ track: z.string().max(32), digit: z.string().regex(/^[0-9*#A-D]$/) }),
});

/** The stream ended (call hung up or the stream was stopped). */
export const StopMessage = z.object({
  event: z.literal('stop'),
  sequenceNumber: numeric,
  streamSid: sid,
  stop: z.object({ accountSid: sid, callSid: sid }),
});

/** Any message Twilio sends. */
export const TwilioInboundMessage = z.discriminatedUnion('event', [
  ConnectedMessage,
  StartMessage,
  MediaMessage,
  MarkMessage,
  DtmfMessage,
  StopMessage,
]);

/** Audio we send to be played to the caller. */
export const OutboundMediaMessage = z.object({
  event: z.literal('media'),
  streamSid: sid,
  media: z.object({ payload: z.string() }),
});
/** A marker Twilio echoes back when the audio before it has played. */
export const OutboundMarkMessage = z.object({
  event: z.literal('mark'),
  streamSid: sid,
  mark: z.object({ name: z.string() }),
});
/** Drops all audio buffered at Twilio (barge-in); pending marks are echoed back. */
export const OutboundClearMessage = z.object({ event: z.literal('clear'), streamSid: sid });
/** Any message we send. */
export const TwilioOutboundMessage = z.discriminatedUnion('event', [
  OutboundMediaMessage,
  OutboundMarkMessage,
  OutboundClearMessage,
]);

export type ConnectedMessage = z.infer<typeof ConnectedMessage>;
export type StartMessage = z.infer<typeof StartMessage>;
export type MediaMessage = z.infer<typeof MediaMessage>;
export type MarkMessage = z.infer<typeof MarkMessage>;
export type DtmfMessage = z.infer<typeof DtmfMessage>;
export type StopMessage = z.infer<typeof StopMessage>;
export type TwilioInboundMessage = z.infer<typeof TwilioInboundMessage>;
export type TwilioOutboundMessage = z.infer<typeof TwilioOutboundMessage>;
