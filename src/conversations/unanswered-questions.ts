/**
 * What callers asked that the agent could not answer, for the owner to answer once. Read from the
 * calls' recorded `answer_question` tool calls (the record of what happened), grouped so that
 * paraphrases count as one question, and minus what the knowledge base can now answer: answering a
 * question adds a knowledge entry, and the next caller (and this list) get it at once.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { createKnowledgeBase, terms } from '../brain/index.js';
import { knowledgeRepo, type Actor } from '../business/index.js';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors } from '../lib/index.js';
import { loadBusiness } from './profile.js';

/** One question the agent could not answer, with how often and on which calls it was asked. */
export interface UnansweredQuestion {
  id: string;
  question: string;
  count: number;
  lastAskedAt: string;
  callIds: string[];
}

/** Asked questions kept in the list: the most recent this many tool calls are read. */
const SCAN_LIMIT = 2000;

/**
 * Two askings are one question when their content words are the same, or when at least two of them
 * are shared and they make up most of the shorter one ("do you sell gift cards" / "can I buy a gift
 * card"), so a paraphrase is counted once while "credit cards" stays apart from "gift cards".
 */
function sameQuestion(a: Set<string>, b: Set<string>): boolean {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  if (shared === a.size && shared === b.size) return true;
  return shared >= 2 && shared / Math.min(a.size, b.size) >= 0.6;
}

/** The organization's unanswered questions, most asked first (GET /api/unanswered-questions). */
export async function listUnansweredQuestions(db: Db, organizationId: string): Promise<UnansweredQuestion[]> {
  const rows = await db
    .select({ callId: schema.callEvents.callId, data: schema.callEvents.data, at: schema.callEvents.at })
    .from(schema.callEvents)
    .where(
      and(
        eq(schema.callEvents.organizationId, organizationId),
        eq(schema.callEvents.type, 'tool_call'),
        sql`${schema.callEvents.data}->>'name' = 'answer_question'`,
        sql`coalesce(${schema.callEvents.data}->'result'->>'answer', '') = ''`,
      ),
    )
    .orderBy(desc(schema.callEvents.at))
    .limit(SCAN_LIMIT);
  const { profile } = await loadBusiness(db, organizationId);
  const knowledge = createKnowledgeBase(profile);
  const groups: Array<UnansweredQuestion & { words: Set<string>; firstAt: number }> = [];
  // Oldest first, so each group is named (and identified) by the first time it was asked.
  for (const row of [...rows].reverse()) {
    const question = String((row.data.args as { question?: unknown } | undefined)?.question ?? '').trim();
    const words = new Set(terms(question));
    if (!question || words.size === 0) continue;
    const at = row.at.getTime();
    const group = groups.find((g) => sameQuestion(g.words, words));
    if (group) {
      group.count++;
      group.lastAskedAt = new Date(Math.max(Date.parse(group.lastAskedAt), at)).toISOString();
      if (!group.callIds.includes(row.callId)) group.callIds.push(row.callId);
      continue;
    }
    const id = createHash('sha256')
      .update(`${organizationId}:${[...words].sort().join(' ')}`)
      .digest('base64url')
      .slice(0, 22);
    groups.push({
      id,
      question,
      count: 1,
      lastAskedAt: row.at.toISOString(),
      callIds: [row.callId],
      words,
      firstAt: at,
    });
  }
  return groups
    .filter((g) => !knowledge.answer(g.question)?.confident)
    .sort((a, b) => b.count - a.count || Date.parse(b.lastAskedAt) - Date.parse(a.lastAskedAt))
    .map(({ id, question, count, lastAskedAt, callIds }) => ({ id, question, count, lastAskedAt, callIds }));
}

/** Answers one unanswered question: a knowledge entry the next caller gets (POST …/:id/answer). */
export async function answerUnansweredQuestion(db: Db, actor: Actor, id: string, answer: string) {
  const open = await listUnansweredQuestions(db, actor.organizationId);
  const question = open.find((q) => q.id === id);
  if (!question) throw errors.notFound('unanswered question');
  return knowledgeRepo.create(db, actor, { question: question.question, body: answer });
}
