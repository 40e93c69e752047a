/**
 * Call recordings at the Twilio edge: the dashboard's `GET /api/calls/:id/recording` (the audio
 * proxied from Twilio with the server's credentials, which never reach the browser) and the
 * retention pass that deletes recordings older than each organization keeps them.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { expiredRecordings, forgetRecording, recordingOfCall } from '../calls/index.js';
import type { Db } from '../db/index.js';
import { AppError, type Logger } from '../lib/index.js';
import type { ApiContext } from '../api/index.js';
import { authenticate, contentAnswer, ErrorAnswer, principalOf } from '../api/index.js';
import type { TelephonyDeps } from './deps.js';
import { deleteRecording, fetchRecordingAudio } from './twilio/index.js';

const unavailable = () => new AppError('RECORDING_UNAVAILABLE', 'the recording cannot be fetched right now', 503);

/** `GET /api/calls/:id/recording`: the call's audio (MP3), for any member of the call's organization. */
export function createRecordingRoute(deps: Pick<TelephonyDeps, 'credentials'>) {
  return async function recordingRoute(app: FastifyInstance, ctx: ApiContext) {
    const auth = authenticate(ctx.tokens);
    app.get(
      '/api/calls/:id/recording',
      {
        onRequest: auth,
        schema: {
          tags: ['calls'],
          response: { 200: contentAnswer('audio/mpeg', 'the call’s audio'), '4xx': ErrorAnswer, '5xx': ErrorAnswer },
        },
      },
      async (req, reply) => {
        const organizationId = principalOf(req).organizationId;
        const { id } = req.params as { id: string };
        const rec = await recordingOfCall(ctx.database.db, organizationId, String(id).slice(0, 64));
        const creds = await deps.credentials(organizationId);
        if (!creds) throw unavailable();
        const res = await fetchRecordingAudio(creds, rec.recordingSid, rec.channels).catch(() => null);
        if (res?.status === 404) throw new AppError('NOT_FOUND', 'recording not found', 404);
        if (!res || !res.ok || !res.body) throw unavailable();
        // Only the audio and its length pass through: none of Twilio's headers (nor its address) reach the page.
        reply.header('content-type', 'audio/mpeg').header('cache-control', 'private, no-store');
        const length = res.headers.get('content-length');
        if (length && /^\d+$/.test(length)) reply.header('content-length', length);
        return reply.send(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream));
      },
    );
  };
}

/** What the retention pass works with. */
export interface RetentionDeps {
  db: Db;
  credentials: TelephonyDeps['credentials'];
  logger: Logger;
}

/**
 * Deletes every recording older than its organization's retention: at Twilio first, then here. A
 * recording Twilio could not delete is kept and tried again at the next pass. Answers how many went.
 */
export async function purgeExpiredRecordings(deps: RetentionDeps, now: Date): Promise<number> {
  let deleted = 0;
  for (const r of await expiredRecordings(deps.db, now)) {
    const creds = await deps.credentials(r.organizationId);
    if (!creds) continue;
    try {
      await deleteRecording(creds, r.recordingSid);
      await forgetRecording(deps.db, r.callId, now);
      deleted++;
    } catch (err) {
      deps.logger.warn({ err, callId: r.callId }, 'deleting an expired recording failed; retrying at the next pass');
    }
  }
  return deleted;
}
