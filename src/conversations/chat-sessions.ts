/**
 * Live chats (the website widget and the dashboard's test chat) kept in the shared live store, not in
 * one node's memory: any node continues a chat, a restart loses none, and what an anonymous visitor
 * can hold is bounded — open chats per organization, per address and in all (the oldest idle one
 * makes room), turns and characters per chat, messages per organization per day, and the saved
 * conversation's size. Idle chats are closed by whichever node sweeps first.
 */
import type { Db } from '../db/index.js';
import { AppError, errors, type Clock, type Logger } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import type { ConversationSnapshot, Lang } from '../brain/index.js';
import { createCall, recordTurn } from '../calls/index.js';
import type { Receptionist } from './receptionist.js';

/** What chats may hold; from configuration. */
export interface ChatLimits {
  /** Open chats per organization; at the cap the oldest idle one is closed to make room. */
  perOrganization: number;
  /** Open chats per client address; beyond it new ones are refused (429). */
  perAddress: number;
  /** Open chats on the whole service; at the cap the oldest idle one is closed. */
  total: number;
  /** A chat with no message for this long is closed. */
  idleSec: number;
  /** Visitor messages one chat may carry; the next one closes it politely. */
  turnsPerChat: number;
  /** Characters one chat's visitor messages may add up to. */
  charsPerChat: number;
  /** Visitor messages per organization per day (UTC), over all its chats. */
  messagesPerOrganizationDay: number;
}

/** Defaults that a small business never meets and an attacker's script does. */
export const DEFAULT_CHAT_LIMITS: ChatLimits = {
  perOrganization: 200,
  perAddress: 20,
  total: 10_000,
  idleSec: 30 * 60,
  turnsPerChat: 60,
  charsPerChat: 30_000,
  messagesPerOrganizationDay: 5_000,
};

/** A saved conversation larger than this is not kept (its parts are bounded; this is the backstop). */
export const MAX_SAVED_CHAT_BYTES = 64 * 1024;
/** How long one turn may hold a chat's lock before another node may take it (a node died mid-turn). */
const LOCK_SEC = 60;
const LOCK_POLL_MS = 25;

/** A chat as the live store keeps it between messages. */
interface SavedChat {
  organizationId: string;
  callId: string;
  address: string;
  channel: 'chat' | 'test';
  who: { callerPhone?: string | null; contactPhone?: string | null };
  turns: number;
  chars: number;
  conversation: ConversationSnapshot;
}

/** What the chat answers a visitor's message with. */
export interface ChatReply {
  reply: string;
  done: boolean;
  state: string;
  transfer?: string;
  /** The language the agent now speaks (ISO-639-1): the widget's own words follow it. */ language?: string;
}

/** Where the store keeps what. */
const keyOf = (id: string) => `chat:session:${id}`;
const lockOf = (id: string) => `chat:lock:${id}`;
const ROSTER_ALL = 'chat:all';
const rosterOfOrg = (organizationId: string) => `chat:org:${organizationId}`;
const rosterOfAddress = (address: string) => `chat:ip:${address}`;

/** Chats over the live store; `clock` is the server's (idle times), each chat's record uses its organization's clock. */
export function createChatSessions(
  deps: { db: Db; live: LiveStore; receptionist: Receptionist; clock: Clock; logger: Logger },
  limits: ChatLimits,
) {
  const { db, live, receptionist } = deps;
  const nowMs = () => deps.clock.now().getTime();
  const keepSec = limits.idleSec + 3600;
  /** Turns of chats this node is running, chained so they do not poll their own lock. */
  const running = new Map<string, Promise<unknown>>();

  async function load(id: string): Promise<SavedChat | null> {
    const raw = await live.getValue(keyOf(id));
    return raw ? (JSON.parse(raw) as SavedChat) : null;
  }

  async function save(id: string, chat: SavedChat): Promise<boolean> {
    const raw = JSON.stringify(chat);
    if (Buffer.byteLength(raw) > MAX_SAVED_CHAT_BYTES) return false;
    await live.setValue(keyOf(id), raw, keepSec);
    const t = nowMs();
    await Promise.all([
      live.rosterSet(ROSTER_ALL, `${chat.organizationId}|${id}`, t, keepSec),
      live.rosterSet(rosterOfOrg(chat.organizationId), id, t, keepSec),
      live.rosterSet(rosterOfAddress(chat.address), id, t, keepSec),
    ]);
    return true;
  }

  /** Closes a chat once (whichever node gets there first): the call record is completed, the rosters forget it. */
  async function end(organizationId: string, id: string, reason: string): Promise<void> {
    if (!(await live.claimOnce(`chat:ended:${id}`, keepSec))) return;
    const chat = await load(id);
    await live.deleteValue(keyOf(id));
    await Promise.all([
      live.rosterRemove(ROSTER_ALL, `${organizationId}|${id}`),
      live.rosterRemove(rosterOfOrg(organizationId), id),
      ...(chat ? [live.rosterRemove(rosterOfAddress(chat.address), id)] : []),
    ]);
    const business = await receptionist.load(organizationId);
    await receptionist.complete(
      { organizationId, callId: id },
      { endedAt: receptionist.clockOf(business).now(), reason },
    );
  }

  /** Members active within the keep time (entries of chats ended on a node that died are dropped here). */
  async function openIn(roster: string) {
    const cutoff = nowMs() - keepSec * 1000;
    return (await live.roster(roster)).filter((m) => m.score > cutoff);
  }

  /** Makes room under the per-organization and total caps by closing the oldest idle chats. */
  async function makeRoom(organizationId: string, address: string) {
    if ((await openIn(rosterOfAddress(address))).length >= limits.perAddress) throw errors.rateLimited(limits.idleSec);
    const ofOrg = await openIn(rosterOfOrg(organizationId));
    for (const m of ofOrg.slice(0, Math.max(0, ofOrg.length - limits.perOrganization + 1)))
      await end(organizationId, m.member, 'closed to make room for a newer chat');
    const all = await openIn(ROSTER_ALL);
    for (const m of all.slice(0, Math.max(0, all.length - limits.total + 1))) {
      const [o, id] = m.member.split('|');
      await end(o, id, 'closed to make room for a newer chat');
    }
  }

  /** Opens a chat: a call record, the greeting as its first turn, the chat saved for any node. */
  async function open(input: {
    organizationId: string;
    address: string;
    phone: string | null;
    test: boolean;
    language?: Lang;
  }) {
    await makeRoom(input.organizationId, input.address);
    const business = await receptionist.load(input.organizationId);
    const clock = receptionist.clockOf(business);
    const channel = input.test ? ('test' as const) : ('chat' as const);
    const call = await createCall(db, {
      organizationId: input.organizationId,
      channel,
      from: input.phone,
      startedAt: clock.now(),
      engine: 'text',
    });
    // a test chat is opened by the organization's staff: their number plays caller ID; on the widget a number is contact only
    const who = input.test ? { callerPhone: input.phone } : { contactPhone: input.phone };
    const started = receptionist.start(
      { organizationId: input.organizationId, callId: call.id, ...who, channel: 'chat' },
      business,
      input.language ? { language: input.language } : {},
    );
    const greeting = started.conversation.greet();
    await recordTurn(
      db,
      { id: call.id, organizationId: input.organizationId },
      { callerText: '', agentText: greeting.text, at: clock.now() },
    );
    await save(call.id, {
      organizationId: input.organizationId,
      callId: call.id,
      address: input.address,
      channel,
      who,
      turns: 0,
      chars: 0,
      conversation: started.snapshot!(),
    });
    await receptionist.callStarted({
      organizationId: input.organizationId,
      callId: call.id,
      channel,
      from: input.phone,
      startedAt: call.startedAt,
    });
    return { id: call.id, greeting: greeting.text, language: greeting.language ?? 'en' };
  }

  /** Waits for the chat's lock (another node may be answering its previous message). */
  async function lock(id: string): Promise<void> {
    const deadline = Date.now() + LOCK_SEC * 1000;
    for (;;) {
      if ((await live.hit(lockOf(id), LOCK_SEC)).count === 1) return;
      if (Date.now() > deadline) throw new AppError('CHAT_BUSY', 'this chat is still answering; try again', 409);
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }

  /** One visitor message, answered by the saved conversation (on whichever node receives it). */
  async function say(organizationId: string, id: string, text: string): Promise<ChatReply> {
    const first = await load(id);
    if (!first || first.organizationId !== organizationId) throw errors.notFound('chat session');
    const day = new Date(nowMs()).toISOString().slice(0, 10);
    const daily = await live.hit(`chat:day:${organizationId}:${day}`, 86_400);
    if (daily.count > limits.messagesPerOrganizationDay)
      throw new AppError(
        'CHAT_BUDGET_SPENT',
        "today's chat messages for this business are used up; please call instead",
        429,
        { retryAfterSec: daily.resetSec },
      );
    const before = running.get(id) ?? Promise.resolve();
    const turn = before
      .catch(() => undefined)
      .then(async () => {
        await lock(id);
        try {
          return await answer(organizationId, id, text);
        } finally {
          await live.reset(lockOf(id));
        }
      });
    running.set(id, turn);
    try {
      return await turn;
    } finally {
      if (running.get(id) === turn) running.delete(id);
    }
  }

  async function answer(organizationId: string, id: string, text: string): Promise<ChatReply> {
    const chat = await load(id);
    if (!chat || chat.organizationId !== organizationId) throw errors.notFound('chat session');
    if (chat.turns >= limits.turnsPerChat || chat.chars + text.length > limits.charsPerChat) {
      const reply =
        'This chat has reached its length limit, so I have to close it here. Please call us, or start a new chat, and we will pick it up from there.';
      await recordTurn(db, { id, organizationId }, { callerText: text, agentText: reply });
      await end(organizationId, id, 'chat length limit');
      return { reply, done: true, state: 'closed' };
    }
    const business = await receptionist.load(organizationId);
    const s = receptionist.start({ organizationId, callId: id, ...chat.who, channel: 'chat' }, business, {
      resume: chat.conversation,
    });
    const started = performance.now();
    const r = await s.conversation.handle({ text }, { onEvent: s.onEvent });
    const llmMs = Math.round(performance.now() - started);
    await recordTurn(db, { id, organizationId }, { callerText: text, agentText: r.text, llmMs, e2eMs: llmMs });
    receptionist.publish(organizationId, 'call.turn', { callId: id, callerText: text, agentText: r.text });
    const kept =
      !r.done &&
      (await save(id, {
        ...chat,
        turns: chat.turns + 1,
        chars: chat.chars + text.length,
        conversation: s.snapshot!(),
      }));
    if (r.done) await end(organizationId, id, 'conversation finished');
    else if (!kept) {
      deps.logger.warn({ callId: id }, 'chat state outgrew its bound; chat closed');
      await end(organizationId, id, 'chat state too large');
      return { reply: r.text, done: true, state: r.state };
    }
    return {
      reply: r.text,
      done: r.done,
      state: r.state,
      language: r.language ?? 'en',
      ...(r.transfer ? { transfer: r.transfer.to } : {}),
    };
  }

  /** Closes every chat idle for longer than the limit (each node sweeps; each chat is closed once). */
  async function sweep(): Promise<number> {
    const cutoff = nowMs() - limits.idleSec * 1000;
    const idle = (await live.roster(ROSTER_ALL)).filter((m) => m.score <= cutoff);
    for (const m of idle) {
      const [organizationId, id] = m.member.split('|');
      await end(organizationId, id, 'idle').catch((err) =>
        deps.logger.error({ err, callId: id }, 'closing an idle chat failed'),
      );
    }
    return idle.length;
  }

  /** Whether a chat is open and belongs to the organization. */
  async function belongs(organizationId: string, id: string): Promise<boolean> {
    return (await load(id))?.organizationId === organizationId;
  }

  return { open, say, end, sweep, belongs, limits };
}

/** The chats of the service. */
export type ChatSessions = ReturnType<typeof createChatSessions>;
