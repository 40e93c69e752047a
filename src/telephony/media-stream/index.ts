/** Twilio Media Streams: message types, pure codec, per-socket connection, session bridge. */
export * from './messages.js';
export { parseInbound, outboundSerializer, DEFAULT_MAX_FRAME_BYTES, CLOSE, type ParseResult } from './codec.js';
export { MediaStreamConnection, type MediaStreamEvents, type MediaStreamOptions } from './connection.js';
export { bridgeConnection, connectionSink } from './bridge.js';
