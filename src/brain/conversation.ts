/**
 * One conversation, channel-neutral: the phone gateway, the chat widget and the simulator all call
 * `greet()` once and `handle()` per caller turn. Offline rules read each turn; the statechart decides;
 * tools act. With a language model, the model reads the turn first (see llm/turn.ts).
 */
import { createActor } from 'xstate';
import { newId, type Clock } from '../lib/index.js';
import { isOpenAt, localParts } from './calendar.js';
import {
  initialContext,
  asksForAQuote,
  serviceNamed,
  type DialogContext,
  type DialogEvent,
  type Expecting,
  type Facts,
  type TurnEvent,
} from './dialog.js';
import { openingLine, welcomeGreeting, withRecordingNotice } from './greeting.js';
import { runEffect } from './effects.js';
import { OF_IT, asksServiceArea, knowledgeBaseFor, splitQuestions } from './knowledge.js';
import type { ChatMessage, LanguageModel } from './llm/language-model.js';
import { llmTurn } from './llm/turn.js';
import { conversationMachine, type Effect } from './machine.js';
import { linesFor } from './lines/index.js';
import {
  agreeingNo,
  answerTo,
  createNlu,
  priorityRank,
  createServiceMatcher,
  detectLanguage,
  languageRequest,
  relativeNamed,
  weekdayIn,
  type Understanding,
} from './nlu/index.js';
import { WAITLIST } from './nlu/intent.js';
import type { AppointmentInfo, BrainPorts, Slot } from './ports.js';
import { afterBookedNow, afterOwnBooking } from './own-booking.js';
import { noteText, prompt, stateName } from './replies.js';
import { LATEST_START, SETTINGS_QUESTION } from './settings-answers.js';
import type { ToolContext } from './tools/index.js';
import { slotKey, type CallerIdentity } from './tools/tool.js';
import type { BrainEvent, BusinessProfile, CallerInput, Lang, Reply, ServiceInfo } from './types.js';

/** What a conversation is created with. */
export interface ConversationOptions {
  business: BusinessProfile;
  /** E.164 caller ID, when the channel has one (the phone network's; a chat has none). */
  callerPhone?: string;
  /**
   * A phone number the client gave (the chat widget's form): used to reach the person, never as
   * identity — looking up their bookings still needs a code texted to it.
   */
  contactPhone?: string;
  /**
   * The business placed this call to `callerPhone`: whoever answers was reached on that number,
   * which proves it better than inbound caller ID (no name check before a booking is changed).
   */
  dialled?: boolean;
  /** The call's clock; "tomorrow" is read against it in the business's time zone. */
  now: Clock;
  deps: BrainPorts;
  languageModel?: LanguageModel;
  /** Used in idempotency keys; a new id when absent. */
  conversationId?: string;
  /** The client this caller ID belongs to (a returning client): greeted by first name. */
  knownCaller?: { name: string };
  /** Continues a conversation saved with `snapshot()` (on this node or another) instead of starting one. */
  resume?: ConversationSnapshot;
  /** The language to start in when the business offers it (a chat page in Spanish); else the business's main one. */
  language?: Lang;
}

/**
 * A conversation between turns, as plain JSON: the statechart's persisted snapshot (without the
 * business, which is loaded afresh, and without notes already said), what the tools learnt (proven
 * number, appointments found, slots offered) and the short memory of the last exchanges. Its size
 * is bounded: history keeps the last few messages and no list grows with the number of turns.
 */
export interface ConversationSnapshot {
  v: 1;
  machine: unknown;
  tools: {
    callerPhone?: string;
    identity: CallerIdentity;
    pendingPhone?: string;
    found: [string, AppointmentInfo][];
    slots: [string, Slot][];
  };
  conversationId: string;
  afterHours: boolean;
  lastReply: string;
  history: ChatMessage[];
  readbackUnheard: boolean;
  lastPrompt: string;
  promptRuns: number;
  /** The call's language, how many caller turns were heard and the switches already announced (absent in older snapshots: the business's main language). */
  language?: Lang;
  turnsHeard?: number;
  announced?: Lang[];
  /** The caller's last question, so "how far ahead does he need it?" on the next turn is read with it. */
  lastQuestion?: string;
}

/** Per-turn options of `handle`. */
export interface HandleOptions {
  /** Each event as it happens (tool starts, tool calls, state changes), before the reply is complete. */
  onEvent?: (e: BrainEvent) => void;
}

/** A live conversation. */
export interface Conversation {
  greet(): Reply;
  handle(input: CallerInput, opts?: HandleOptions): Promise<Reply>;
  /**
   * The caller spoke over the last reply and heard only `heardText`. When that cut off a read-back,
   * a following "yes" is not taken as agreement: the read-back is repeated first.
   */
  interrupted(heardText: string): void;
  /** The statechart's current state, e.g. "booking.offer". */
  readonly state: string;
  readonly done: boolean;
}

/** A conversation of the brain's own that can be saved between turns and continued elsewhere. */
export interface SavableConversation extends Conversation {
  /** The conversation between turns, to be continued later with `resume` (call only when no turn is running). */
  snapshot(): ConversationSnapshot;
}

/** Slots and appointments a saved conversation remembers at most (the latest ones). */
const MAX_REMEMBERED = 40;

/**
 * The slots a saved conversation keeps: every one the caller was offered or chose (they may book any of
 * them on the next turn, however many the search returned before them), then the latest others, bounded.
 */
function rememberedSlots(
  known: Map<string, Slot>,
  context: Pick<DialogContext, 'offered' | 'slot'>,
): Array<[string, Slot]> {
  const spoken = new Set([...context.offered, ...(context.slot ? [context.slot] : [])].map((s) => slotKey(s.start)));
  const all = [...known];
  return [...all.filter(([k]) => spoken.has(k)), ...all.filter(([k]) => !spoken.has(k)).slice(-MAX_REMEMBERED)];
}

/** How many times in a row the same question may be asked. */
const MAX_SAME_PROMPT = 2;

/** Caller turns in which the caller's language is detected (explicit requests work at any time). */
const DETECT_TURNS = 2;

/** Messages of earlier turns given to the language model (three exchanges). */
const HISTORY_MESSAGES = 6;

/** Most effects a single turn may chain (search → commit → … ); a guard against loops. */
const MAX_EFFECTS_PER_TURN = 8;

/** Creates a conversation for one caller. */
export function createConversation(opts: ConversationOptions): SavableConversation {
  const { business, callerPhone } = opts;
  const nlu = createNlu(business);
  const services = createServiceMatcher(business.services);
  const kb = knowledgeBaseFor(business);
  const saved = opts.resume;
  const languages: Lang[] = business.languages?.length ? business.languages : ['en'];
  /** The call's language: the business's main one until the caller speaks, or asks for, another it offers. */
  let lang: Lang =
    saved?.language ?? (opts.language && languages.includes(opts.language) ? opts.language : languages[0]);
  let turnsHeard = saved?.turnsHeard ?? 0;
  const announced = new Set<Lang>(saved?.announced ?? []);
  /** The caller's last question, and the one asked in an earlier turn, so "how much does that run?" is read with it. */
  let lastQuestion: string | undefined = saved?.lastQuestion;
  let earlierQuestion: string | undefined;
  /** Settings answer a Spanish question read into the shared phrasing; an owner's own entries are searched as said. */
  const answer = (q: string) => {
    // every look-up in one turn reads against the question of the turn before, not against another part of its own
    const previous = earlierQuestion;
    lastQuestion = q;
    if (lang === 'en') return kb.answer(q, opts.now.now(), 'en', previous);
    const read = kb.answer(nlu.canonical(q, lang), opts.now.now(), lang);
    if (read?.source === 'settings') return read;
    const own = kb.answer(q, opts.now.now(), lang);
    return own?.confident || !read ? own : read;
  };
  /**
   * The answers to questions said inside a turn that moves a booking on ("do you bulk bill? and it's for my son,
   * 3:30 please"): only the confident ones, and never for a part that is itself about the time, the offer or
   * the yes being given ("can we do the 11 instead?" is the booking's own business).
   */
  const asideAnswers = (text: string, u: Understanding): string[] => {
    if (!u.intents.includes('question') && !/\?/.test(text)) return [];
    const parts = text
      .split(/(?<=[.!?])\s+/)
      .flatMap((p) => (/\?\s*$/.test(p) ? splitQuestions(p).map((q) => `${q}?`) : [p]))
      .filter((p) => /\?\s*$/.test(p) || ASKS.test(p));
    const out: string[] = [];
    // "how much is that?", "what's that run?" of the service the turn names (or the one being booked)
    const of = u.service?.service.name ?? snap().context.service?.name;
    for (const part of parts.length ? parts : [text]) {
      const p = part === text ? u : nlu.understand(part, opts.now.now(), lang);
      if (p.when || p.pick !== undefined || p.shift || p.moveBy || p.staff || p.name || p.phone) continue;
      if (p.intents.some((i) => !['question', 'book'].includes(i))) continue;
      // (with what was said before it in the turn: "Dropped my iPhone 13… how much to fix it?")
      const before = text.slice(0, Math.max(0, text.indexOf(part.replace(/\?$/, '')))).trim();
      const ofService =
        of && OF_IT.test(part)
          ? answer(`${before} ${part.replace(/\?$/, '')} (${of.toLowerCase()})?`.trim())
          : undefined;
      // "how far ahead does he need to get it?" of the vaccine asked about before, not of the tour being booked
      const a = ofService?.confident ? ofService : (answer(part) ?? ofService);
      if (a?.confident) out.push(a.text);
    }
    return out;
  };
  const tools: ToolContext = {
    business,
    ports: opts.deps,
    clock: opts.now,
    ...(callerPhone ? { callerPhone } : {}),
    identity: callerPhone ? (opts.dialled ? 'verified' : 'caller_id') : 'none',
    foundAppointments: new Map(),
    knownSlots: new Map(),
    findService: (name) => serviceNamed(business, name) ?? services.match(name)?.service,
    answer,
    passages: (q) => kb.passages(q),
    ...(opts.languageModel ? { languageModel: opts.languageModel } : {}),
    conversationId: saved?.conversationId ?? opts.conversationId ?? newId(),
    language: lang,
  };
  if (saved) {
    // what the tools learnt travels with the conversation; the proven number is the saved one, never the client's
    if (saved.tools.callerPhone) tools.callerPhone = saved.tools.callerPhone;
    else delete tools.callerPhone;
    tools.identity = saved.tools.identity;
    if (saved.tools.pendingPhone) tools.pendingPhone = saved.tools.pendingPhone;
    tools.foundAppointments = new Map(saved.tools.found);
    tools.knownSlots = new Map(saved.tools.slots);
  }
  const afterHours = saved ? saved.afterHours : !isOpenAt(business, opts.now.now());
  const actor = saved
    ? createActor(conversationMachine, {
        snapshot: withBusiness(saved.machine, business) as never,
        input: initialContext(business, callerPhone, afterHours),
      }).start()
    : createActor(conversationMachine, {
        input: initialContext(business, callerPhone, afterHours, opts.contactPhone, !!opts.dialled),
      }).start();
  const snap = () => actor.getSnapshot();
  let lastReply = saved?.lastReply ?? '';
  /** The last few exchanges, for the language model's context. */
  const history: ChatMessage[] = saved ? [...saved.history] : [];
  let readbackUnheard = saved?.readbackUnheard ?? false;
  /** The last question asked and how many times in a row: none is asked a third time. */
  let lastPrompt = saved?.lastPrompt ?? '';
  let promptRuns = saved?.promptRuns ?? 0;
  const current = () => stateName(snap().value);

  async function settle(emit: (e: BrainEvent) => void): Promise<void> {
    for (let i = 0; i < MAX_EFFECTS_PER_TURN; i++) {
      const tag = [...snap().tags].find((t) => t.startsWith('run:'));
      if (!tag) return;
      actor.send(await runEffect(tag.slice(4) as Effect, snap().context, tools, emit));
    }
  }

  function reply(events: BrainEvent[], notesFrom: number, prefix: string[] = []): Reply {
    const ctx = snap().context;
    const state = current();
    const lines = [...prefix, ...ctx.notes.slice(notesFrom).map((n) => noteText(n, ctx, opts.now.now(), lang))];
    const p = prompt(state, ctx, lang);
    promptRuns = p.text && p.text === lastPrompt ? promptRuns + 1 : 1;
    lastPrompt = p.text;
    if (p.text && promptRuns > MAX_SAME_PROMPT && p.expecting !== 'nothing') {
      // asked twice without an answer: offer a person or a message instead of asking a third time
      // (the state is unchanged, so the missing answer still works if the caller gives it now)
      lines.push(linesFor(lang).helpOffer);
    } else if (p.text) lines.push(p.text);
    const done = snap().status === 'done';
    return makeReply(lines.filter(Boolean).join(' '), events, done, state, done ? ctx.transfer : undefined);
  }

  const remember = (r: Reply): Reply => {
    lastReply = r.text;
    r.language = lang;
    return r;
  };

  return {
    get state() {
      return current();
    },
    get done() {
      return snap().status === 'done';
    },
    snapshot(): ConversationSnapshot {
      const persisted = actor.getPersistedSnapshot() as unknown as { context: DialogContext } & Record<string, unknown>;
      // notes already said are never read again (each turn reads only the ones it added)
      const { business: _b, ...context } = { ...persisted.context, notes: [] };
      return {
        v: 1,
        machine: { ...persisted, context },
        conversationId: tools.conversationId,
        afterHours,
        tools: {
          ...(tools.callerPhone ? { callerPhone: tools.callerPhone } : {}),
          identity: tools.identity,
          ...(tools.pendingPhone ? { pendingPhone: tools.pendingPhone } : {}),
          found: [...tools.foundAppointments].slice(-MAX_REMEMBERED),
          slots: rememberedSlots(tools.knownSlots, persisted.context),
        },
        lastReply,
        history: history.slice(-HISTORY_MESSAGES),
        readbackUnheard,
        lastPrompt,
        promptRuns,
        language: lang,
        turnsHeard,
        announced: [...announced],
        ...(lastQuestion ? { lastQuestion } : {}),
      };
    },
    greet() {
      const L = linesFor(lang);
      if (afterHours && business.afterHours === 'forward' && business.escalationNumber) {
        const greeting = welcomeGreeting(business, lang, opts.knownCaller);
        return remember(
          makeReply(withRecordingNotice(business, `${greeting} ${L.holdForward}`, lang), [], true, current(), {
            to: business.escalationNumber,
            reason: 'after-hours forwarding',
          }),
        );
      }
      const closed = !afterHours ? '' : business.afterHours === 'voicemail' ? L.closedVoicemail : L.closedAnswer;
      return remember(makeReply(openingLine(business, lang, opts.knownCaller, closed), [], false, current()));
    },
    interrupted(heardText) {
      const heard = heardText.trim();
      readbackUnheard =
        ['booking.confirm', 'cancelConfirm'].includes(current()) && heard.length < lastReply.trim().length;
    },
    async handle(input, handleOpts) {
      const events: BrainEvent[] = [];
      const emit = (e: BrainEvent) => {
        events.push(e);
        handleOpts?.onEvent?.(e);
      };
      earlierQuestion = lastQuestion;
      try {
        return await turn(input, emit, events);
      } catch (e) {
        // a caller never hears an exception: apologise and offer the one thing that always works
        emit({ type: 'error', reason: `turn failed: ${e instanceof Error ? e.message : String(e)}` });
        return remember(makeReply(linesFor(lang).turnFailed, events, false, current()));
      }
    },
  };

  async function turn(input: CallerInput, emit: (e: BrainEvent) => void, events: BrainEvent[]): Promise<Reply> {
    if (snap().status === 'done') return makeReply('', events, true, current());
    const before = current();
    const notesFrom = snap().context.notes.length;
    const expecting = prompt(before, snap().context).expecting;
    const prefix: string[] = [];
    let event: DialogEvent;
    /** What the caller said and how it was read, for the questions asked beside a booking step. */
    let heard: { text: string; u: Understanding } | undefined;
    if ('silence' in input) event = { type: 'SILENCE' };
    else if ('dtmf' in input && input.dtmf === '0') event = { type: 'HUMAN' };
    else {
      let text =
        'dtmf' in input
          ? (({ '1': 'yes', '2': 'no' } as Record<string, string>)[input.dtmf] ?? input.dtmf)
          : input.text;
      if ('text' in input) {
        // the caller's language: asked for at any time, heard on the first turns when the business offers more than one
        const asked = languageRequest(text);
        // a name, a number or an address said alone is in no language ("Osvaldo Fonseca" is not English)
        const detectable = languages.length > 1 && turnsHeard < DETECT_TURNS && !DETAIL_ANSWER.has(expecting);
        const heard = asked ?? (detectable ? detectLanguage(text) : undefined);
        turnsHeard++;
        if (heard && heard !== lang && languages.includes(heard)) {
          lang = heard;
          tools.language = lang;
          if (!announced.has(lang)) prefix.push(linesFor(lang).switched);
          announced.add(lang);
          emit({ type: 'understood', intent: 'language', facts: [lang] });
        }
        if (asked) {
          text = text.replace(LANGUAGE_ASK, ' ').trim();
          // only the request ("¿habla español?"): the question just asked is asked again, in that language
          if (!/[a-z0-9]/i.test(text.replace(GREETING_ONLY, ''))) return remember(reply(events, notesFrom, prefix));
        }
      }
      // "sorry, what was that?": the last reply again; "hang on one sec": the caller is given the moment
      if (asksToRepeat(text) && lastReply) {
        const sure = linesFor(lang).repeating;
        const again = lastReply.startsWith(`${sure} `) ? lastReply.slice(sure.length + 1) : lastReply;
        return remember(makeReply(`${sure} ${again}`, events, false, before));
      }
      if (asksForAMoment(text)) return remember(makeReply(linesFor(lang).takeYourTime, events, false, before));
      const u = nlu.understand(text, opts.now.now(), lang, snap().context.anchorDay);
      // "so that's Friday the 1st at 10 now, right?" just after booking or moving it: said back, with any question beside
      const kept = expecting === 'anything' ? restatedBooking(u, snap().context) : undefined;
      if (kept) {
        const L = linesFor(lang);
        const said = L.stillBooked(kept.service.toLowerCase(), L.instant(kept.start, business.timezone));
        return remember(makeReply([said, ...asideAnswers(text, u), L.anythingElse].join(' '), events, false, before));
      }
      // "I've got a cut tomorrow at two, can I add a beard trim right after?": the time is when theirs ends
      const afterOwn =
        afterBookedNow(u, snap().context.booked, business) ??
        (tools.identity !== 'none'
          ? await afterOwnBooking(u, opts.deps, tools.callerPhone, business.timezone)
          : undefined);
      if (afterOwn) {
        Object.assign(u, afterOwn);
        u.intents = ['book', ...u.intents.filter((i) => i !== 'book' && i !== 'question' && i !== 'check')];
      }
      heard = { text, u };
      event = toEvent(u, text, expecting, snap().context, (s) => nlu.bareName(s, lang));
      // "no, that's everything" to the offer of a message or a person made after two misses: a goodbye, not a no
      // to the question the offer replaced ("What would you like to change?")
      if (promptRuns > MAX_SAME_PROMPT && event.type === 'TURN' && event.yesNo === 'no' && SIGN_OFF.test(u.text))
        event = { type: 'GOODBYE' };
      // "Yes please. It's Rachel from Northway Supply: the impression material is backordered…" to that offer: the
      // message itself, said along with the yes
      else if (promptRuns > MAX_SAME_PROMPT && event.type === 'TURN' && YES_AND_MESSAGE.test(u.text))
        event = { type: 'START', task: 'message', turn: event };
      // "are y'all hiring barbers?" where the owner wrote the answer: the answer, not a message to pass on (a job
      // seeker's or a salesperson's question only: a customer's call-back request stays one)
      if (
        event.type === 'START' &&
        event.task === 'message' &&
        event.turn &&
        u.intents.includes('question') &&
        NOT_A_CUSTOMER.test(u.text) &&
        !snap().context.task &&
        ownersAnswer(kb.answer(text, opts.now.now(), lang))
      )
        event = { type: 'QUESTION', text, turn: event.turn };
      emit({ type: 'understood', intent: event.type === 'START' ? event.task : event.type, facts: factNames(u) });
      if (opts.languageModel) {
        const llm = await llmTurn({
          model: opts.languageModel,
          text,
          state: before,
          ctx: snap().context,
          tools,
          emit,
          offline: event,
          history: history.slice(-HISTORY_MESSAGES),
        });
        if (llm.event) event = llm.event;
      }
    }
    // "just a ballpark is fine" to "I'm not sure… I can take a message": the call-back with a price is what they want
    if (
      event.type === 'TURN' &&
      snap().context.messageOffered &&
      !event.yesNo &&
      asksForAQuote(event.text.toLowerCase())
    )
      event = { ...event, yesNo: 'yes' };
    // "ok no worries" to "…I can take a message. Would you like me to do that?": a no to the offer
    if (event.type === 'TURN' && snap().context.messageOffered && NOT_TAKING_IT.test(event.text.toLowerCase()))
      event = { ...event, yesNo: 'no' };
    if (event.type === 'TURN' && acceptsMessageOffer(event, before, snap().context))
      event = { type: 'START', task: 'message', turn: event };
    if (readbackUnheard && event.type === 'TURN' && event.yesNo === 'yes') {
      // the caller cut the read-back short: agreeing to words they did not hear is not a confirmation
      readbackUnheard = false;
      return remember(reply(events, notesFrom, [linesFor(lang).sayAgain]));
    }
    readbackUnheard = false;
    // "Yes, book that please. And what do I need to bring?": a question asked along with a booking step is answered too
    // …and so is one asked along with the booking itself ("how much is that, and do you have anything Friday?")
    const booking = event.type === 'TURN' || (event.type === 'START' && event.task === 'book' && !!event.turn);
    const asides =
      booking && expecting !== 'message' && expecting !== 'code' && heard && 'text' in input
        ? asideAnswers(heard.text, heard.u)
        : [];
    actor.send(event);
    await settle(emit);
    // the request said with the booking, passed on once the booking is made (its name and number already known)
    const later = snap().context.laterMessage;
    if (later && current() === 'anythingElse' && snap().context.booked?.length) {
      actor.send({
        type: 'START',
        task: 'message',
        turn: { type: 'TURN', text: later, facts: {}, bookIntent: false, sameNumber: false, expecting: 'anything' },
      });
      await settle(emit);
    }
    const after = current();
    if (after !== before) emit({ type: 'state', from: before, to: after });
    const r = remember(reply(events, notesFrom, [...prefix, ...asides]));
    if ('text' in input) history.push({ role: 'user', content: input.text }, { role: 'assistant', content: r.text });
    if (history.length > HISTORY_MESSAGES) history.splice(0, history.length - HISTORY_MESSAGES);
    return r;
  }
}

/**
 * "Yes please" to "I'm not sure… I can take a message": the message offered. A read-back keeps its
 * own yes.
 */
function acceptsMessageOffer(t: TurnEvent, state: string, ctx: DialogContext): boolean {
  // the three-way offer after two misses ("a message, a person, or tell me once more") takes no bare yes:
  // "yes that is right" there is the caller still answering the question asked (a scripted chat in
  // test/security/customer-messages-only-to-trusted-contacts.test.ts turned into a message when it did)
  return !!ctx.messageOffered && yesWithDetails(t) && !['booking.confirm', 'cancelConfirm'].includes(state);
}

/** An answer the owner wrote, sure of itself. */
const ownersAnswer = (a: { source?: string; confident: boolean } | undefined) =>
  !!a?.confident && a.source === 'knowledge';

/** "Ok no worries", "ok got it, thanks for checking": an answer taken as it is, not a yes to a message. */
const NOT_TAKING_IT =
  /\b(?:no worries|never ?mind|got it|all good|no need|no problem|that's (?:fine|ok|okay|alright|all right)|it's (?:fine|ok|okay)|thanks for (?:checking|letting me know|that|the info)|i'll (?:call|check|ask|try|ring) (?:back|later|again|myself|them)|don't worry)\b/;

/** A yes that goes on with a message of eight words or more. */
const YES_AND_MESSAGE = /^(?:yes|yeah|yep|sure|ok(?:ay)?|please)\b[^a-z]*(?:please\b[^a-z]*)?(?:\S+\s+){7,}\S/;

/** "Yes please", "yes please, I'm Andre Baptiste, 615 Esplanade Avenue": agreement, and at most who and where. */
function yesWithDetails(t: TurnEvent): boolean {
  return t.yesNo === 'yes' && Object.keys(t.facts).every((k) => PERSON_FACTS.has(k));
}
const PERSON_FACTS = new Set(['name', 'phone', 'email', 'address']);

/** A saved statechart snapshot with the freshly loaded business put back into its context. */
function withBusiness(machine: unknown, business: BusinessProfile): unknown {
  const m = machine as { context: Record<string, unknown> };
  return { ...m, context: { ...m.context, business } };
}

/** A time or a bound said outright ("after 4", "before noon", "at 3"). */
const boundSaid = (w: Understanding['when']) => !!(w?.time || w?.after || w?.before);

/** A caller who cannot read the texted code: "I don't have my phone with me", "I never got the text". */
const NO_CODE =
  /\b(?:don't|do not|didn't|did not|can't|cannot|can not|haven't|have not|never|not) (?:have|got|get|gotten|receive|received|see|seen|check|access)\w* (?:it |my |the |a |that |any |her |his )?(?:phone|cell|mobile|text|texts|code|message|sms)\b|\b(?:my |the )?(?:phone|cell|mobile) (?:is|'s) (?:dead|at home|not with me|in the car)\b/;

/** Answers that name a detail rather than say a sentence: their words tell no language. */
const DETAIL_ANSWER = new Set<Expecting>(['name', 'phone', 'email', 'address', 'code']);

/** A request for a language, removed before the rest of the turn is read. */
const LANGUAGE_ASK =
  /[¿]?\s*(?:(?:usted |ustedes )?(?:habla|hablan|hablas|puede hablar|podemos hablar|puedo hablar)(?: en)? espa[ñn]ol|en espa[ñn]ol(?:,? por favor)?|do you speak (?:english|spanish)|(?:can we |could we |can you )?(?:speak|talk|continue)(?: in)? (?:english|spanish)|in (?:english|spanish)(?:,? please)?|(?:english|spanish),? please)\s*[?]?/gi;
const GREETING_ONLY =
  /\b(?:hola|hello|hi|hey|buenos d[ií]as|buenas tardes|buenas noches|buenas|please|por favor|s[ií]|yes|oh|ok|okay|sorry|perd[oó]n|thanks|gracias)\b|[^a-z0-9]+/gi;

function factNames(u: Understanding): string[] {
  const keys: Array<keyof Understanding> = [
    'service',
    'when',
    'name',
    'phone',
    'email',
    'address',
    'staff',
    'yesNo',
    'pick',
    'emergency',
  ];
  return keys.filter((k) => u[k] !== undefined);
}

/** Asking to hear the last reply again ("sorry, what was that?", "can you repeat the times?", "¿me lo repite?"). */
const REPEAT_ASK =
  /\b(?:(?:say|repeat|read|give me) (?:that|it|those|them|the (?:times?|options?|dates?|days?|last (?:bit|part)|number))(?: (?:again|back|one more time|once more))?|(?:can|could|would) you repeat|what was that|come again|(?:didn't|did not|couldn't|could not|can't|cannot) (?:catch|hear|get) (?:that|it|you|what you said|the (?:times?|options?|last (?:bit|part)))|say again|one more time|me lo (?:puede |podria |podría )?repite|(?:puede|podria|podría) repetir|repita|no (?:le )?(?:entendi|entendí|escuche|escuché|oi|oí)|otra vez)\b|^(?:sorry|pardon|pardon me|excuse me|what|huh|eh|come again|sorry what|cómo|como|perdón|perdon|mande|qué|que)\W*$/i;
const REPEAT_ASKS = new RegExp(REPEAT_ASK.source, 'gi');
/** Words around a repeat request that ask nothing else ("uh sorry, what was that, love?"). */
const AROUND_A_REPEAT =
  /\b(?:sorry|pardon|excuse me|um|uh|oh|er|hmm|yeah|ok|okay|so|please|love|dear|hon|mate|again|i|you|the|that|what|was|said|can|could|would|just|once|more|all|those|them|sorry about that|perdón|perdon|disculpe|señorita|por favor|no|le|lo|me)\b/gi;

/** Why the caller missed it, said beside the request ("i was grabbing a pen", "you broke up", "bad line here"). */
const WHY_MISSED =
  /\b(?:i (?:was|am|'m) (?:just |still )?(?:(?:grabbing|getting|finding|fetching|looking for) (?:a |my |some )?(?:pen|pencil|paper|diary|calendar|planner|notebook|phone|glasses)|writing(?: (?:it|that|them) down)?|driving|distracted|busy|in the car|on the other line|talking to (?:someone|my [a-z]+))|(?:let me|i need to|i had to|hang on,? i'?ll) (?:grab|get|find) (?:a|my|something to) (?:pen|pencil|paper|diary|calendar|write with)|i (?:didn't|did not|don't|do not) have (?:a|my) (?:pen|pencil|diary|calendar)|you (?:cut|broke|went) (?:out|up)|(?:it|the line|the call|you) (?:is |was |are |were )?(?:breaking up|cutting out|went quiet|dropped)|(?:bad|terrible|poor|crap|crackly) (?:line|signal|connection|reception)|(?:it's|it is) (?:noisy|loud) (?:here|in here)|too (?:fast|quick)(?: for me)?|(?:a bit )?(?:slower|more slowly)|slowly)\b/gi;

/** Whether the turn only asks to hear the last reply again. */
function asksToRepeat(text: string): boolean {
  if (!REPEAT_ASK.test(text)) return false;
  const rest = text.replace(REPEAT_ASKS, ' ').replace(WHY_MISSED, ' ').replace(AROUND_A_REPEAT, ' ');
  return !/\d/.test(rest) && rest.split(/[^\p{L}']+/u).filter(Boolean).length <= 2;
}

/** The whole turn asks for a moment ("hang on one sec", "bear with me", "un momento"). */
const A_MOMENT =
  /^(?:(?:ok(?:ay)?|yeah|yes|sure|um|uh|oh|sorry|right)[,.!]?\s+)*(?:hang on|hold on|one sec(?:ond)?|just a sec(?:ond)?|a sec(?:ond)?|give me a (?:sec(?:ond)?|moment|minute|min)|bear with me|wait a (?:sec(?:ond)?|moment|minute)|just a (?:moment|minute)|one moment|let me (?:check|look|find|grab|get)(?: (?:it|that|(?:my|the) [a-z]+))?|un momento|un segundo|permítame|permitame|déjeme (?:ver|checar|revisar)|dejeme (?:ver|checar|revisar))(?:,? (?:a|one|just a) (?:sec(?:ond)?|moment|minute))?(?:,? (?:please|love|mate|dear|hon|por favor))?[\s.!,…]*$/i;

function asksForAMoment(text: string): boolean {
  return A_MOMENT.test(text.trim());
}

const THANKS_ONLY =
  /^(?:(?:ok(?:ay)?|great|perfect|awesome|amazing|fantastic|wonderful|excellent|cool|nice|sweet|lovely|brilliant|ace|alright|all right|no|nope|righto),? )*(?:thanks?|thank you|thx|cheers|ta|much appreciated|(?:i |really )?appreciate (?:it|that|you|your help)|you're a (?:star|legend|lifesaver)|you've been (?:great|very helpful|a great help|helpful))(?: so much| very much| a lot| mate| love)?(?:,? (?:bye|goodbye))?[.!]*$/;

/** Words that end the call whatever agreeing word comes first ("okay, thanks, bye", "perfect, that's all"). */
const SIGN_OFF = /\b(bye|goodbye|good bye|that's (all|it|everything)|that is all|nothing else|wrong number)\b/;
/** A sentence that asks, said without a question mark ("and what do I need to bring", "do you bulk bill"). */
const ASKS =
  /^(?:(?:and|also|oh|so|um|uh|plus|just)[,]? )*(?:what|how|do|does|is|are|can|will|where|who|which|should)\b/i;

/** A booking asked for in so many words beside a question ("could I come Thursday at 3", "I'd like one at 3"). */
const WANTS_A_TIME =
  /\b(?:could|can|may) (?:i|we) (?:come|come in|book|get|have|grab|do|make|bring (?:it|him|her|them|the [a-z]+|my [a-z]+|in)|drop (?:it|him|her|them) off|pop in|pop by|stop by|swing by)\b|\b(?:could|can|would) (?:you|y'all|someone|somebody|anyone)(?: guys)? (?:come|come out|do|fit (?:me|us|it|him|her) in|squeeze (?:me|us|it) in|see (?:me|us|him|her))\b|\b(?:do|have) you (?:have|got) (?:anything|any openings|an opening|a slot|any slots|any time|time)\b|\bis there anything (?:free|open|available)\b|\b(?:i'?d|i would|we'?d|we would) (?:like|love) (?:one|it|to come|to book|to get|an appointment)\b|\bbook (?:me|us|it|one|that)\b|\bput me down\b/;

/** Asking for the first start ("what's the earliest you can do?", "the earliest one then", "how early can I come?"). */
const EARLIEST_ASK =
  /\b(?:the )?earliest (?:you|i|we|one|time|start|slot|appointment|opening|drop[- ]?off)\b|\bhow early (?:can|could|do)\b|\bearliest (?:possible|available)\b/;

/** Parting words that name when the caller will be seen ("see you Thursday", "see ya this arvo", "catch you then"). */
const SEE_YOU =
  /\b(?:see|catch) (?:you|ya|u|y'all|youse)\b|(?<!\b(?:was|were|been) (?:really |so )?)\blook(?:ing)? forward to (?:it|seeing you)\b/;
const WRONG_NUMBER = /\b(wrong number|dialed the wrong|called the wrong|misdialed)\b/;

/**
 * "Thursday at 8 is ideal, thanks", "10am tomorrow works, as long as it's not Dave" to the read-back of Thursday at
 * 8 with Jordan: the time held said back, with nothing changed, agrees to it.
 */
function restatesHeld(u: Understanding, ctx: DialogContext): boolean {
  if (!ctx.slot || !u.when?.time || u.correction) return false;
  const tz = ctx.business.timezone;
  const held = localParts(ctx.slot.start, tz);
  // "Thursday at 8, thanks" said again at the read-back of the puncture repair right after the 8 o'clock service:
  // the visit agreed to, of which this is the rest
  const bookedNow = (ctx.booked ?? []).map((b) => localParts(b.start, tz));
  // "seven on Thursday" of 7 PM: an hour said without am/pm is either
  const sameHour = (a: string, b: string) =>
    a === b ||
    (!!u.hourGuessed && Math.abs(Number(a.slice(0, 2)) - Number(b.slice(0, 2))) === 12 && a.slice(2) === b.slice(2));
  // "Friday at 12" of the Friday held a week on: a bare weekday names that day of any week
  const sameDay = (date: string) =>
    !u.when!.date || u.when!.date === date || (!!u.weekday && weekdayIn({ from: date, to: date }, u.weekday) === date);
  const saidBack = (p: { date: string; time: string }) => sameHour(u.when!.time!, p.time) && sameDay(p.date);
  if (!saidBack(held) && !bookedNow.some((b) => saidBack(b) && b.date === held.date)) return false;
  if (u.service && u.service.service.name !== ctx.service?.name) return false;
  // "…with Chloe, Wednesday at 3" of a time held with Liam changes who
  if (u.staff && u.staff !== (ctx.slot.staffName ?? ctx.staff)) return false;
  const refused = u.refusedStaff?.split(/\s+/)[0];
  if (refused && ctx.slot.staffName?.toLowerCase().startsWith(refused.toLowerCase())) return false;
  // "…as long as it's not Dave" says no to Dave, not to the time
  if (u.yesNo === 'no' && !refused) return false;
  // the staff member ruled out is no change to a time held with someone else
  const rest = refused ? u.text.replace(new RegExp(`[^,.;!?]*\\b${refused}\\b`, 'i'), ' ') : u.text;
  // "…please move it" at "move your visit to Friday at 2?": the move asked about, agreed to
  const agreed = ctx.task === 'reschedule' ? rest.replace(MOVE_IT, ' ') : rest;
  return !CHANGE_WORDS.test(agreed.replace(IDIOMS, ' '));
}

/** Asking for someone to come and do a job: "I can just book someone", "can you send someone out?", "get a plumber". */
const SEND_SOMEONE =
  /\b(?:book|send|get|need|want|have) (?:someone|somebody|a (?:plumber|tech|technician|electrician|guy|person|handyman|locksmith|mechanic|roofer|painter|cleaner))\b|\b(?:someone|somebody|you|y'all|a tech|a plumber) (?:to )?(?:come|come out|pop out|pop round|swing by|have a look|take a look|look at|fix|check)\b|\bcome (?:out|over|round|by) and (?:look|have a look|take a look|fix|check)\b/;

/** A trade's visit for any job ("Service Call", "Call-out", "Diagnostic Visit"), when the business lists exactly one. */
const ANY_JOB =
  /\b(?:service call|call[- ]?out|diagnostic(?: visit| call)?|service visit|repair visit|home visit|site visit|troubleshooting(?: visit)?)\b/i;
function anyJobVisit(business: BusinessProfile): ServiceInfo | undefined {
  const visits = business.services.filter((s) => ANY_JOB.test(s.name));
  return visits.length === 1 ? visits[0] : undefined;
}

/** Asking back whether it is so: "right?", "is that right?", "yeah?", "correct?", or a question mark. */
const CHECKING =
  /\?|\b(?:right|correct|yeah|yes|innit|eh)\W*$|^\W*(?:so|just to (?:check|confirm)|just so i got it right)\b/;

/**
 * A booking made or moved in this call, said back by the caller as a check ("so that's Friday at 10 now?", "I'm all
 * booked in for Saturday at 9, right?"): its day and time as said, nothing asked to book or change.
 */
function restatedBooking(u: Understanding, ctx: DialogContext): { service: string; start: string } | undefined {
  const when = u.when;
  if (!when || (!when.date && !when.time) || when.range || !CHECKING.test(u.text)) return undefined;
  if (u.correction || u.service || BOOKING_ASKED.test(u.text) || CHANGE_WORDS.test(u.text.replace(IDIOMS, ' ')))
    return undefined;
  if (u.intents.some((i) => i === 'book' || i === 'cancel' || i === 'reschedule')) return undefined;
  const tz = ctx.business.timezone;
  return (ctx.booked ?? []).findLast((b) => {
    const at = localParts(b.start, tz);
    return (!when.date || when.date === at.date) && (!when.time || when.time === at.time);
  });
}

/** The name held, said again whole or by its first words ("Jenna" of "Jenna Park"): no new name. */
function sameName(said: string, held: string | undefined): boolean {
  if (!held) return false;
  const [a, b] = [said, held].map((n) => n.toLowerCase().replace(/\s+/g, ' ').trim());
  return a === b || b.startsWith(`${a} `);
}

/** The move itself, asked for at a move's read-back ("please move it", "go ahead and change it"). */
const MOVE_IT = /\b(?:move|change|switch|reschedule) it(?: over)?\b/g;

/** A booking asked for in so many words: "can I book my bike in", "I'd like to book", "book me in for". */
const BOOKING_ASKED =
  /\b(?:can|could|may) (?:i|we) (?:please )?(?:book|schedule)\b|\b(?:i'd|i would|we'd|we would|i want to|i wanna|want to|like to|need to|looking to|trying to) (?:book|schedule)\b|\bbook (?:me|us|him|her|it|my [a-z]+|our [a-z]+) in\b/;

/** Words that turn a "yes" at the read-back into a change ("yes, but make it 4", "yeah, 4 not 3"). */
const CHANGE_WORDS = /\b(not|but|instead|change|rather|different|switch|move|push|bring|earlier|later|sooner)\b/;

/** Words that point at an appointment already booked rather than the one being made. */
const EXISTING_APPOINTMENT =
  /\b(?:my|the|our) (?:existing |other |current |next |upcoming )?(?:appointment|booking|visit|reservation)\b|\balready (?:have|booked)\b/;

/** "when is my cleaning?", "what time's my next fade?": with a service named, a question about one the caller has. */
const WHEN_MINE =
  /\b(?:when|what time|what day)(?: is|'s) (?:my|our|his|her|their|(?!it's|that's|what's)[a-z]+'s) (?:[a-z]+'s )?(?:next |upcoming )?(?:[a-z-]+ ){0,3}?[a-z-]+\s*(?:\?|$|\b(?:with|on|this|next|again)\b)/;
const JOB_STATUS = /\b(?:ready|done|finished|fixed|back|arriving|coming)\b/;

/** The caller puts the booking off: "never mind", "I'll call you back", "let me check with my wife". */
const DEFERS =
  /\b(?:never ?mind|forget it|i(?:'ll| will) (?:call|ring|phone|get back to) (?:you|y'all)(?: guys)?(?: back)?|(?:and|then) get back to (?:you|y'all)|i(?:'ll| will) (?:call|ring|phone) (?:back|again|later)|after i (?:talk|speak|check) (?:to|with)|(?:i'll|i will|i'd better|i need to|i have to|i'll have to|let me) (?:check with|talk (?:to|with)|ask|run it by|think about it|think it over|confirm with)|i need to think|maybe (?:another|some other) time)\b/;

/** A booking put off to later: "I'll just book again when I'm home", "we'll book once the rota's out". */
const BOOK_LATER =
  /\b(?:i|we)(?:'ll| will| can)? (?:just )?(?:book|rebook|re-book|schedule|reschedule)(?: (?:again|another|it|one|something|in|back in|a new one))* (?:later|when|once|after|another time|some other time|next time|down the track|closer to)\b/;

/** When the caller does something of their own before booking: "I'll call the vet this afternoon", "I'll ask him tonight". */
const OWN_ERRAND =
  /\b(?:i'?ll|i will|i need to|i have to|i'm going to|i'm gonna|let me)\s+(?:call|ring|phone|check|talk|speak|ask|see|email|text|message|chat)\b[^.!?]{0,40}?\b(?:this (?:morning|afternoon|arvo|evening)|today|tonight|tomorrow|later|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;

/** An acknowledgement and nothing else ("okay.", "alright then", "right"): to "anything else?", the caller is done. */
const DONE_ACK =
  /^(?:ok(?:ay)?|alright|all right|right|okay then|ok then|alright then|fair enough|got it|gotcha|cool|sure)[.!,]*$/;

/** Callers who want work or sell something: their message is for the owner, about no service. */
const NOT_A_CUSTOMER =
  /\b(?:hiring|taking on (?:any )?(?:new |more )?(?:staff|tutors?|teachers?|barbers?|stylists?|technicians?|mechanics?|apprentices?)|(?:my|a) (?:cv|resume)|help wanted|apply(?:ing)? (?:for|to)|job (?:opening|application|posting)|looking for (?:work|a job)|marketing|advertising|seo|(?:we|i) help (?:companies|businesses|\w+ (?:companies|businesses))|sales rep|partnership)\b/;

/** "not a problem", "why not": a "not" that changes nothing. */
const IDIOMS = /\bnot (?:a problem|at all|bad|an issue)\b|\bwhy not\b/g;

const CALLBACK =
  /\b(reach me|call me|get back to me|my (best |cell |mobile |call ?back )?number is|best number|call ?back number)\b/;

const OFFER_QUESTION =
  /\b(do|does|can|could) (you|y'all|you guys|they) (do|offer|handle|provide|work on|service|fix|see|treat)\b|\bis there\b|\b(is|are) (that|this|those|these|it) (something|anything|a thing|the kind of (thing|work)) (you|y'all|you guys|your (firm|office|team|company))\b/;

const INFO_QUESTION =
  /\b(open|close[ds]?|hours|how much|price|cost|charge|where|located|address|insurance|coverage|walk-?ins?|park|parking|leave (my|the) (car|truck|vehicle)|warranty|accept|pay|credit cards?|cash|pets?|allowed)\b/;

/** "what do you charge to come out?": a price question, even when it also reads as a wish to book. */
const PRICE_ASK =
  /\b(how much|what do (you|y'all|you guys) charge|what('s| is) (the|your) (price|cost|fee|rate)|do you charge|(a|the|your) (price|rate|ballpark) (on|for)|what (would|does|will|might) (it|that|this|something like that) (run|cost|be)|what would (i|we) be looking at)\b/;

/** Reads a turn into the chart's event: emergencies first, then hand-off, task switches, questions. */
export function toEvent(
  u: Understanding,
  raw: string,
  expecting: Expecting,
  ctx: DialogContext,
  bareName: (s: string) => string | undefined,
): DialogEvent {
  const facts: Facts = {};
  if (u.service) facts.service = u.service.service;
  // "the kitchen faucet's been dripping… I can just book someone": at a business with a visit for any job (a service
  // call, a call-out), what is booked when the caller names no service of its list
  else if (
    !ctx.service &&
    !u.serviceChoices &&
    u.intents.includes('book') &&
    SEND_SOMEONE.test(u.text) &&
    !u.intents.some((i) => i === 'cancel' || i === 'reschedule' || i === 'check' || i === 'emergency') &&
    !EXISTING_APPOINTMENT.test(u.text)
  ) {
    const visit = anyJobVisit(ctx.business);
    if (visit) facts.service = visit;
  }
  if (u.serviceChoices) facts.serviceChoices = u.serviceChoices;
  if (u.alsoServices) facts.alsoServices = u.alsoServices;
  if (u.company) facts.company = u.company;
  // "the first" while choosing among offers is a pick, not the first of the month
  const pickNotDate = expecting === 'pick' && u.pick !== undefined && u.when && !u.when.time && !u.when.range;
  if (u.when && !pickNotDate) facts.when = u.when;
  // "what's the latest you can start that day?" while booking: the day's last opening is the wish
  // (the question the settings answer from the hours when nothing is being booked), and "the earliest one" its first
  if (ctx.task === 'book' && LATEST_START.test(u.text)) facts.when = { ...facts.when, latest: true };
  else if (ctx.task === 'book' && EARLIEST_ASK.test(u.text)) facts.when = { ...facts.when, earliest: true };
  const name =
    (expecting === 'name' && ctx.forRelative ? relativeNamed(raw, ctx.forRelative) : undefined) ??
    u.name ??
    (expecting === 'name' ? bareName(raw) : undefined);
  if (name) facts.name = name;
  if (u.name && u.namePart) facts.namePart = u.namePart;
  if (u.phone) facts.phone = u.phone;
  if (u.email) facts.email = u.email;
  if (u.address) facts.address = u.address;
  if (u.staff) facts.staff = u.staff;
  if (u.forRelative) facts.forRelative = u.forRelative;
  if (u.anchorDay) facts.anchorDay = u.anchorDay;
  if (u.party) facts.party = u.party;
  // at "shall I cancel / book it?" the action said plainly decides over a leading "no" about something else
  const proposal = expecting === 'cancel' || expecting === 'confirm' || expecting === 'pick';
  const agreed = proposal && agreeingNo(u.text) ? 'yes' : u.yesNo;
  // "That's it, thank you!" to "Just to confirm: …?": that is what was meant, not a goodbye
  const thatsIt = expecting === 'confirm' && /^\W*(?:(?:yes|yeah|yep)\W+)?that(?:'s| is) (?:it|the one)\b/.test(u.text);
  const restated = expecting === 'confirm' && restatesHeld(u, ctx);
  const yn =
    expecting === 'cancel'
      ? (answerTo(u.text, 'cancel') ?? agreed)
      : expecting === 'confirm'
        ? (answerTo(u.text, 'book') ?? (thatsIt || restated ? 'yes' : agreed))
        : agreed;
  if (
    expecting === 'confirm' &&
    yn === 'yes' &&
    !u.correction &&
    (restated || !CHANGE_WORDS.test(u.text.replace(IDIOMS, ' ')))
  ) {
    // a confirmation never changes what was agreed: loose words in "yes, that's right" are not a new service or time
    delete facts.service;
    delete facts.when;
    delete facts.staff;
    // "yes, please book it! It's Jenna Park, 720-555-0116": the name and number held, said again, change nothing
    if (facts.name && sameName(facts.name, ctx.name)) delete facts.name;
    if (facts.phone && (facts.phone === ctx.phone || facts.phone === ctx.callerPhone)) delete facts.phone;
  }
  const turn: TurnEvent = {
    type: 'TURN',
    text: raw.trim(),
    facts,
    ...(yn ? { yesNo: yn } : {}),
    ...(u.pick !== undefined ? { pick: u.pick } : {}),
    // "anything earlier?" moves the offers, or the time held while the name is asked
    // …unless it names its own bound: "anything after 4?" is after 4, not just later than the offers
    ...(u.shift && (expecting === 'pick' || expecting === 'confirm' || !!ctx.slot) && !boundSaid(u.when)
      ? { shift: u.shift }
      : {}),
    ...(u.hourGuessed ? { hourGuessed: true } : {}),
    ...(u.weekday && facts.when ? { weekday: u.weekday } : {}),
    // "I have a fitting tomorrow at noon, could you make it an hour later?": the time said is the appointment's
    ...(u.moveBy && (!facts.when?.time || u.intents[0] === 'reschedule') ? { moveBy: u.moveBy } : {}),
    // "…as long as it's not Dave" agreeing to a time held with Jordan: no new search
    ...(u.refusedStaff && !(expecting === 'confirm' && yn === 'yes') ? { avoidStaff: u.refusedStaff } : {}),
    ...(u.anyStaff ? { anyStaff: true } : {}),
    bookIntent: u.intents.includes('book'),
    sameNumber: u.sameNumber,
    expecting,
  };
  // the same emergency said again ("she's crying, it's getting warm in there") is heard as such, unless
  // the turn answers what is being asked (a time, a pick, a name, a number, an address)
  const answersSomething = !!(facts.when?.time || u.pick !== undefined || facts.name || facts.phone || facts.address);
  // …but while an urgent booking is being made for it (no alert went out), the same trouble said again goes on with
  // the booking ("we've got no water at all, I need someone today"): only a graver one is heard anew
  const bookingIt = ctx.task === 'book' && !!ctx.urgentBooking && !ctx.alerted;
  const graver =
    !ctx.emergency || priorityRank(u.emergency?.priority ?? 'NORMAL') > priorityRank(ctx.emergency.priority);
  if (
    u.emergency &&
    u.emergency.priority !== 'NORMAL' &&
    (!ctx.emergency || (!answersSomething && (!bookingIt || graver)))
  )
    return { type: 'EMERGENCY', hit: u.emergency, turn };
  // "ok please send someone" once the on-call team was alerted: the alert stands, it is no new booking
  // ("no, just send someone" to "anything else?" is a goodbye, as before)
  if (
    ctx.alerted &&
    ctx.emergency &&
    !ctx.task &&
    u.yesNo !== 'no' &&
    SEND_SOMEONE.test(u.text) &&
    !facts.service &&
    !facts.when
  )
    return { type: 'EMERGENCY', hit: ctx.emergency, turn };
  // "thanks!" after "anything else?" (or after an answer, at the opening question) is a goodbye, not a yes
  if ((expecting === 'anything' || (expecting === 'intent' && ctx.answered > 0)) && THANKS_ONLY.test(u.text))
    return { type: 'GOODBYE' };
  // "Brilliant, cheers. Ta-ra!" to "anything else?": the "brilliant" is no yes to more, the call is over
  if (
    expecting === 'anything' &&
    u.intents.length > 0 &&
    u.intents.every((i) => i === 'goodbye') &&
    !facts.when &&
    !facts.service
  )
    return { type: 'GOODBYE' };
  // "nah that's it, ta! see ya this arvo" to "anything else?": a sign-off; the day in it is the booking's, not a new one
  // …but "see you then! will I get charged if I'm late?" still asks
  if (
    expecting === 'anything' &&
    SEE_YOU.test(u.text) &&
    !u.intents.some((i) => i !== 'goodbye' && i !== 'question') &&
    !(u.intents.includes('question') && u.text.includes('?'))
  )
    return { type: 'GOODBYE' };
  // "okay" or "I'll think about it, I'll call back" to "anything else?": the caller is done
  if (
    (expecting === 'anything' || (expecting === 'intent' && ctx.answered > 0)) &&
    (DONE_ACK.test(u.text.trim()) || (DEFERS.test(u.text) && !u.intents.length) || BOOK_LATER.test(u.text))
  )
    return { type: 'GOODBYE' };
  // "I don't have my phone with me, could you pass a message on?" at the code: the message, not the code asked again
  if (expecting === 'code' && !/\d/.test(u.text) && (NO_CODE.test(u.text) || u.intents.includes('message')))
    return { type: 'START', task: 'message', turn };
  // a message, or a verification code, is taken as typed: its digits are not a time or a phone number
  if (expecting === 'message' || expecting === 'code') return turn;
  const intents = u.intents.filter((i) => i !== 'emergency');
  // "can you have her call me on my cell instead, it's 773…" just after a message was passed on: its number
  if (ctx.passedOn && facts.phone && facts.phone !== ctx.phone && !intents.includes('book') && !facts.when) return turn;
  const answering = ['confirm', 'cancel', 'pick'].includes(expecting) && !!yn;
  if (intents.includes('human')) return { type: 'HUMAN', turn };
  // "can you push it back an hour" while booking moves the booking being made, not an existing appointment
  // …and "can I switch that to Chloe?" changes who does it
  // …but with no time held or offered yet there is nothing of this booking to move: "I was hoping to move it. Could I
  // do Friday instead?" after "I have an appointment with Megan on Thursday" moves that one
  const somethingHeld = !!ctx.slot || ctx.offered.length > 0;
  const movesThisBooking =
    ctx.task === 'book' &&
    somethingHeld &&
    !!(turn.moveBy || facts.when || facts.staff || facts.service) &&
    !EXISTING_APPOINTMENT.test(u.text);
  for (const task of ['cancel', 'reschedule', 'check'] as const) {
    if (intents[0] === task && ctx.task !== task && !(task === 'reschedule' && movesThisBooking))
      return { type: 'START', task, turn };
  }
  if (facts.service && WHEN_MINE.test(u.text) && !JOB_STATUS.test(u.text) && !answering)
    return { type: 'START', task: 'check', turn };
  // "never mind, I need to think about it", "I'll check with work and call you back": nothing is booked
  // (a turn that picks a time or agrees to the read-back chooses, whatever else it says)
  // …and "I'll call the vet this afternoon and get back to you" names when the caller does their errand, not a visit
  const whenOfErrand = !!facts.when && !facts.when.time && OWN_ERRAND.test(u.text);
  const choosesNothing =
    (!facts.when || whenOfErrand) && u.pick === undefined && !(expecting === 'confirm' && yn === 'yes');
  if (ctx.task === 'book' && DEFERS.test(u.text) && choosesNothing) return { type: 'DEFER' };
  // "Saturday's the only day I can do, let me know if someone cancels": a message, whatever day is named
  if (WAITLIST.test(u.text) && !(expecting === 'confirm' && yn === 'yes'))
    return { type: 'START', task: 'message', turn };
  // "need to book my boiler service. Also could someone ring me with a quote for two radiators?": the booking now,
  // the request passed on once it is made
  const later = intents.includes('message') && !answering && !ctx.task ? laterRequest(raw, u) : undefined;
  if (later) {
    // what the request names ("a quote for two radiators") is the team's to price, not a second booking
    const { alsoServices: _quoted, ...booked } = turn.facts;
    return { type: 'START', task: 'book', turn: { ...turn, facts: booked, laterMessage: later } };
  }
  // "can someone get back to me with an estimate?": a call-back asked for wins over a booking unless a time is named
  // …and wins over an answer to a pick or a read-back unless the turn picks a time or agrees to the booking
  if (intents.includes('message') && (!intents.includes('book') || !facts.when) && (!answering || choosesNothing)) {
    // a job seeker or a salesperson names the trade, not a service they want
    if (NOT_A_CUSTOMER.test(u.text)) delete turn.facts.service;
    return { type: 'START', task: 'message', turn };
  }
  // "this is Dana from Acme, you can reach me at 212 555 0177" at the start: a call-back request
  const opening = expecting === 'intent' || expecting === 'anything';
  if (
    opening &&
    (facts.name || facts.phone) &&
    CALLBACK.test(u.text) &&
    !intents.includes('book') &&
    !facts.service &&
    !facts.when
  ) {
    return { type: 'START', task: 'message', turn };
  }
  const hasPerson = !!(
    facts.name ||
    facts.phone ||
    (u.pick !== undefined && expecting === 'pick') ||
    turn.shift ||
    turn.moveBy
  );
  // "are you open on Saturday?" names a day but asks for information, not a booking
  const asksInfo = INFO_QUESTION.test(u.text) || SETTINGS_QUESTION.test(u.text) || PRICE_ASK.test(u.text);
  // "wednesday what time do you open" (no question mark from the recogniser) is still a question
  // "can I get a drain cleaning?" names a service to book; "do you do balayage?" and "how much is a cut?" ask
  // …and "can I book my bike in for a full service? and can you fix a puncture while it's there?" books, the
  // question answered beside it
  const namesServiceToBook =
    !!(facts.service || facts.serviceChoices) &&
    (BOOKING_ASKED.test(u.text) || (!asksInfo && !OFFER_QUESTION.test(u.text)));
  // "what's the latest you can start on Friday?" while booking: the day's last opening, offered, not the hours read out
  const asksEdgeSlot = !!(facts.when?.latest || facts.when?.earliest) && (ctx.task === 'book' || !!facts.service);
  // "how long does it take? and could I come Thursday at 3": the time asked for is booked, the question answered beside it
  // …and so is a service named with a day and a time ("need shots for my cat… so mon the 3rd, 9ish?")
  const wantsATime =
    (!!(facts.when?.time || facts.when?.date || facts.when?.partOfDay) && WANTS_A_TIME.test(u.text)) ||
    (!!facts.service && !!facts.when?.date && !!facts.when?.time);
  if (
    !asksEdgeSlot &&
    !wantsATime &&
    (intents.includes('question') || SETTINGS_QUESTION.test(u.text)) &&
    // "how much is a cut?", "I need help with divorce papers, is that something you do?": asked, not booked
    (!intents.includes('book') ||
      ((PRICE_ASK.test(u.text) || OFFER_QUESTION.test(u.text) || asksServiceArea(u.text)) && !facts.when)) &&
    // "this is Marcus at 1187 Fernwood, what's the price on weekly mowing?": answered, and who asked is kept
    (!hasPerson || (opening && asksInfo && !turn.shift && !turn.moveBy)) &&
    !answering &&
    (!facts.when || asksInfo) &&
    !namesServiceToBook &&
    // "can I switch that to Chloe?" while booking changes who does it
    !(ctx.task === 'book' && facts.staff && facts.staff !== ctx.staff) &&
    // "oh, you open at ten? okay, ten then" among offers: the time picks one, the question is answered beside it
    !(expecting === 'pick' && facts.when?.time)
  ) {
    return { type: 'QUESTION', text: raw, turn };
  }
  if (
    (intents.includes('goodbye') || WRONG_NUMBER.test(u.text)) &&
    !answering &&
    !Object.keys(facts).length &&
    (u.yesNo !== 'yes' || SIGN_OFF.test(u.text))
  )
    return { type: 'GOODBYE' };
  // "I have a tooth that's been a bit sensitive to cold drinks for months, no rush": the trouble told at the start
  // is what the caller wants seen to (they are asked which service, with the list)
  if (opening && !ctx.task && !Object.keys(facts).length && !u.intents.length && TROUBLE_TOLD.test(u.text))
    return { type: 'START', task: 'book', turn };
  return turn;
}

/**
 * The part of a turn that asks the team for something, when the rest books a service in so many words ("need to
 * book my annual boiler service please. Also while I've got you - could someone ring me with a quote…"): the
 * sentence or clause that is the request, or undefined when the turn is one or the other.
 */
function laterRequest(raw: string, u: Understanding): string | undefined {
  if (!u.service || !BOOKING_ASKED.test(u.text)) return undefined;
  const parts = raw
    .split(/(?<=[.!?])\s+|\s+(?=(?:and )?also\b|while i've got you|while i have you)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const request = parts.filter((p) => !BOOKING_ASKED.test(p.toLowerCase()) && CALL_ME.test(p.toLowerCase()));
  return request.length && request.length < parts.length ? request.join(' ') : undefined;
}
/** Asking the team to be in touch: "could someone ring me", "have someone call me", "email me a quote". */
const CALL_ME =
  /\b(?:(?:ring|call|phone|text|email|e-mail) (?:me|us)|get back to (?:me|us)|(?:a|the) call ?back|give (?:me|us) a (?:call|ring|bell)|let (?:me|us) know|pass (?:it|this|that) on|a message for)\b/;

/** Trouble told in the caller's words: something of theirs hurts, broke, leaks or stopped working. */
const TROUBLE_TOLD =
  /\b(?:i|we|my|our|i've|we've|i have|we have|there's|there is)\b[^.?!]{0,60}\b(?:sensitive|hurts?|hurting|painful|sore|aching|aches|broken|broke|cracked|chipped|loose|leak(?:s|ing|y)?|dripping|clogged|blocked|backed up|not working|stopped working|won't (?:start|work|turn on|drain|flush|close|open|heat|cool|charge)|isn't working|doesn't work|making (?:a|an|this) (?:noise|sound)|noisy|squeak(?:s|ing|y)|rattl(?:es|ing)|grinding|stuck|overdue|due for)\b/;

/** Builds a Reply whose chunks are its sentences, for streaming text-to-speech. */
export function makeReply(
  text: string,
  events: BrainEvent[],
  done: boolean,
  state: string,
  transfer?: { to: string; reason: string },
): Reply {
  return {
    text,
    events,
    done,
    state,
    ...(transfer && transfer.to ? { transfer } : {}),
    async *chunks() {
      for (const s of text.split(/(?<=[.!?])\s+/)) if (s) yield s;
    },
  };
}
