/**
 * Pure parse/serialize of Media Streams frames. `media` frames (50 per second per call) take a
 * hand-written fast path; every other event goes through the zod schema. Nothing here throws.
 */
import { TwilioInboundMessage, type TwilioInboundMessage as Inbound } from './messages.js';

/** Frames larger than this are refused; a 20 ms media frame is ≈ 330 bytes, a start frame < 2 KiB. */
export const DEFAULT_MAX_FRAME_BYTES = 4096;

/** WebSocket close codes we use (RFC 6455 §7.4.1). */
export const CLOSE = {
  normal: 1000,
  unsupported: 1003,
  malformed: 1007,
  policy: 1008,
  tooBig: 1009,
  internal: 1011,
} as const;

/** A frame's outcome: the message, or why the socket must close. */
export type ParseResult = { ok: true; msg: Inbound } | { ok: false; code: number; reason: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DIGITS = /^\d{1,15}$/;

/**
 * A media frame exactly as Twilio writes it (this key order, no whitespace): matched and taken apart
 * in one pass instead of JSON.parse plus field checks. Any other spelling goes the general way.
 */
const MEDIA_AS_SENT =
  /^\{"event":"media","sequenceNumber":"(\d{1,15})","media":\{"track":"(inbound|outbound)","chunk":"(\d{1,15})","timestamp":"(\d{1,15})","payload":"([A-Za-z0-9+/]*={0,2})"\},"streamSid":"([A-Za-z0-9_-]{1,64})"\}$/;

/** Parses one text frame from Twilio, validating shape and size. */
export function parseInbound(data: string, maxBytes = DEFAULT_MAX_FRAME_BYTES): ParseResult {
  if (data.length > maxBytes) return { ok: false, code: CLOSE.tooBig, reason: `frame exceeds ${maxBytes} bytes` };
  const m = data.charCodeAt(10) === 109 /* 'm' of "media" */ ? MEDIA_AS_SENT.exec(data) : null;
  if (m && m[5].length % 4 === 0) {
    const msg = {
      event: 'media',
      sequenceNumber: m[1],
      media: { track: m[2], chunk: m[3], timestamp: m[4], payload: m[5] },
      streamSid: m[6],
    };
    return { ok: true, msg: msg as unknown as Inbound };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { ok: false, code: CLOSE.malformed, reason: 'frame is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, code: CLOSE.malformed, reason: 'frame is not an object' };
  const fast = parseMediaFast(raw as Record<string, unknown>);
  if (fast) return fast;
  const r = TwilioInboundMessage.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return {
      ok: false,
      code: CLOSE.malformed,
      reason:
        `invalid ${(raw as { event?: unknown }).event ?? 'frame'}: ${issue.path.join('.')} ${issue.message}`.slice(
          0,
          120,
        ),
    };
  }
  return { ok: true, msg: r.data };
}

function parseMediaFast(o: Record<string, unknown>): ParseResult | null {
  if (o.event !== 'media') return null;
  const m = o.media as Record<string, unknown> | undefined;
  if (
    typeof o.streamSid !== 'string' ||
    o.streamSid.length === 0 ||
    o.streamSid.length > 64 ||
    typeof o.sequenceNumber !== 'string' ||
    !DIGITS.test(o.sequenceNumber) ||
    typeof m !== 'object' ||
    m === null ||
    (m.track !== 'inbound' && m.track !== 'outbound') ||
    typeof m.chunk !== 'string' ||
    !DIGITS.test(m.chunk) ||
    typeof m.timestamp !== 'string' ||
    !DIGITS.test(m.timestamp) ||
    typeof m.payload !== 'string' ||
    m.payload.length % 4 !== 0 ||
    !BASE64.test(m.payload)
  ) {
    return { ok: false, code: CLOSE.malformed, reason: 'invalid media frame' };
  }
  return { ok: true, msg: o as unknown as Inbound };
}

/** Builds outbound frames as strings without re-validating (the stream sid is escaped once). */
export function outboundSerializer(streamSid: string): {
  media(payloadBase64: string): string;
  mark(name: string): string;
  clear(): string;
} {
  const sidJson = JSON.stringify(streamSid);
  const mediaPrefix = `{"event":"media","streamSid":${sidJson},"media":{"payload":"`;
  return {
    media: (payload) => mediaPrefix + payload + '"}}',
    mark: (name) => `{"event":"mark","streamSid":${sidJson},"mark":{"name":${JSON.stringify(name)}}}`,
    clear: () => `{"event":"clear","streamSid":${sidJson}}`,
  };
}
