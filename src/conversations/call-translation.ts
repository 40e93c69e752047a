/**
 * The transcript of a call held in another language, translated for the owner: computed on demand
 * (the call page asks) by the organization's language model over chat completions, one request for
 * the whole transcript, and kept on the call record so asking again costs nothing. The transcript
 * itself stays as spoken; a translation is only shown under the lines that differ from it.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { schema, type Db } from '../db/index.js';
import { AppError, errors, isUuid } from '../lib/index.js';
import type { LanguageModel } from '../brain/index.js';

/** One translated line of the transcript. */
export interface TranslatedTurn {
  seq: number;
  role: 'caller' | 'agent';
  text: string;
}
/** A call's translation into English (items only for lines that read differently in English). */
export interface CallTranslation {
  language: 'en';
  from: string | null;
  items: TranslatedTurn[];
}

const INSTRUCTIONS = [
  "You translate the transcript of a phone call or chat between a small business's AI receptionist and a customer into English for the business owner.",
  'Each input line is "<number>: <text>". Answer with exactly one line per input line, "<number>: <English translation>", same numbers, nothing else.',
  'Keep names, numbers, dates, times and addresses as they are; a line already in English is repeated unchanged.',
].join(' ');

/** "3: texto" lines → { 3: "texto" }; anything else is ignored. */
export function parseNumberedLines(answer: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of answer.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s*[:.)-]\s*(.+?)\s*$/.exec(line);
    if (m) out.set(Number(m[1]), m[2]);
  }
  return out;
}

const same = (a: string, b: string) =>
  a
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ') ===
  b
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ');

/**
 * The English translation of a call's transcript (404 for another organization's call; 409
 * `no_language_model` when no model is configured; English calls have nothing to translate).
 */
export async function translateCall(
  db: Db,
  organizationId: string,
  callId: string,
  model: LanguageModel | null,
  signal: AbortSignal,
): Promise<CallTranslation> {
  if (!isUuid(callId)) throw errors.notFound('call');
  const [call] = await db
    .select({ language: schema.calls.language, metadata: schema.calls.metadata })
    .from(schema.calls)
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.organizationId, organizationId)));
  if (!call) throw errors.notFound('call');
  if (!call.language || call.language === 'en') return { language: 'en', from: call.language, items: [] };
  const kept = (call.metadata as { translation?: { en?: TranslatedTurn[] } }).translation?.en;
  if (kept) return { language: 'en', from: call.language, items: kept };
  if (!model)
    throw new AppError(
      'no_language_model',
      'translations need a language model (set OPENAI_API_KEY or another chat provider)',
      409,
    );
  const turns = (
    await db
      .select({ seq: schema.callTurns.seq, role: schema.callTurns.role, text: schema.callTurns.text })
      .from(schema.callTurns)
      .where(eq(schema.callTurns.callId, callId))
      .orderBy(asc(schema.callTurns.seq))
  ).filter((t) => t.text.trim());
  if (!turns.length) return { language: 'en', from: call.language, items: [] };
  const prompt = turns.map((t, i) => `${i + 1}: ${t.text.replace(/\s+/g, ' ').trim()}`).join('\n');
  let answer = '';
  for await (const d of model.chat(
    {
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: prompt },
      ],
      temperature: 0,
    },
    signal,
  )) {
    if (d.type === 'text') answer += d.text;
  }
  const lines = parseNumberedLines(answer);
  if (!lines.size)
    throw new AppError('translation_failed', 'the language model answered no translation; try again', 502);
  const items = turns.flatMap((t, i) => {
    const en = lines.get(i + 1);
    return en && !same(en, t.text) ? [{ seq: t.seq, role: t.role as TranslatedTurn['role'], text: en }] : [];
  });
  // only the translation key: other writers of the call's metadata (a verified number) are left alone
  await db
    .update(schema.calls)
    .set({
      metadata: sql`jsonb_set(${schema.calls.metadata}, '{translation}', ${JSON.stringify({ en: items })}::jsonb)`,
    })
    .where(and(eq(schema.calls.id, callId), eq(schema.calls.organizationId, organizationId)));
  return { language: 'en', from: call.language, items };
}
