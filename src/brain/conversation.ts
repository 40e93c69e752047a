/**
 * One conversation, channel-neutral: the phone gateway, the chat widget and the simulator all call
 * `greet()` once and `handle()` per caller turn. Offline rules read each turn; the statechart decides;
 * tools act. With a language model, the model reads the turn first (see llm/turn.ts).
 */
import { createActor } from 'xstate';
import { newId, type Clock } from '../lib/index.js';
import { isOpenAt } from './calendar.js';
import {
  initialContext,
  asksForAQuote,
  serviceNamed,
  type DialogContext,
  type DialogEvent,
  type Expecting,
  type TurnEvent,
} from './dialog.js';
import { openingLine, welcomeGreeting, withRecordingNotice } from './greeting.js';
import { runEffect } from './effects.js';
import { OF_IT, aboutTold, knowledgeBaseFor, splitQuestions } from './knowledge.js';
import type { ChatMessage, LanguageModel } from './llm/language-model.js';
import { llmTurn } from './llm/turn.js';
import { conversationMachine, type Effect } from './machine.js';
import { linesFor } from './lines/index.js';
import { createNlu, createServiceMatcher, detectLanguage, languageRequest, type Understanding } from './nlu/index.js';
import type { AppointmentInfo, BrainPorts, Slot } from './ports.js';
import { afterBookedNow, afterOwnBooking } from './own-booking.js';
import { noteText, prompt, stateName } from './replies.js';
import type { ToolContext } from './tools/index.js';
import { slotKey, type CallerIdentity } from './tools/tool.js';
import type { BrainEvent, BusinessProfile, CallerInput, Lang, Reply } from './types.js';
import { SIGN_OFF, ASKS, restatedBooking, NOT_A_CUSTOMER, toEvent } from './turn-event.js';

/** A turn that tells something and asks nothing of the booking: no service, day, name or number in it. */
const toldOnly = (t: TurnEvent) =>
  !t.facts.service && !t.facts.when && !t.facts.name && !t.facts.phone && !t.yesNo && t.pick === undefined;

/** A need told: "it needs a full rewire", "we're thinking about a new deck", "the boiler keeps cutting out". */
const NEED_TOLD =
  /\b(?:needs?|needed|require[sd]?|want(?:s|ed)?|thinking (?:about|of)|planning|looking (?:for|at|into)|keeps?|broken|broke|stopped|won't|isn't|not working|leaking|damaged|problem|issue)\b/;

/** A question the owner answered with what to do: "What do I do if…", "What should I do in an emergency?" */
const WHAT_TO_DO =
  /\bwhat (?:do|should|can|must) (?:i|we|you) do\b|\bwhat to do\b|\bwhat if\b|\bfirst aid\b|\bin (?:an|case of an?|the event of an?) (?:emergency|accident)\b/;

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
  /** What the caller said last, which a first question may point back to ("needs a full rewire… how much would that cost?"). */
  lastTurn?: string;
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
  /** The owner's answers to what to do ("What do I do if a tooth is knocked out?"): advice for an emergency. */
  const adviceAnswers = new Set(
    (business.knowledge ?? []).filter((k) => k.q && WHAT_TO_DO.test(k.q.toLowerCase())).map((k) => k.a),
  );
  const saved = opts.resume;
  const languages: Lang[] = business.languages?.length ? business.languages : ['en'];
  /** The call's language: the business's main one until the caller speaks, or asks for, another it offers. */
  let lang: Lang =
    saved?.language ?? (opts.language && languages.includes(opts.language) ? opts.language : languages[0]);
  let turnsHeard = saved?.turnsHeard ?? 0;
  const announced = new Set<Lang>(saved?.announced ?? []);
  /** The caller's last question, and the one asked in an earlier turn, so "how much does that run?" is read with it. */
  let lastQuestion: string | undefined = saved?.lastQuestion;
  let lastTurn: string | undefined = saved?.lastTurn;
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
      // "one of the keys has started sticking… how much would it be to fix that?": the owner's entry on what the turn
      // told beats the price of the service being moved
      const told = before && ofService?.source === 'settings' ? answer(`${before} ${part}`) : undefined;
      // "how far ahead does he need to get it?" of the vaccine asked about before, not of the tour being booked
      const a =
        told?.confident && told.source === 'knowledge'
          ? told
          : ofService?.confident
            ? ofService
            : (answer(part) ?? ofService);
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
    // the same question again after a turn that moved something on (an answer given, details added) is no repeat
    const progressed = ctx.notes.slice(notesFrom).some((n) => n.kind !== 'missed');
    promptRuns = p.text && p.text === lastPrompt ? (progressed ? promptRuns : promptRuns + 1) : 1;
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
        ...(lastTurn ? { lastTurn } : {}),
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
      // before any question, what the caller said last is what a question may point back to ("the day after Boxing
      // Day?… when's the first day you're back open then?")
      earlierQuestion = lastQuestion ?? lastTurn;
      if ('text' in input) lastTurn = input.text;
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
      // "he's knocked his front tooth clean out": what the owner wrote to do about it is said with the safety line
      if (u.emergency && lang === 'en') {
        const own = kb.ownEntry(text, text, true);
        if (own?.confident && adviceAnswers.has(own.text) && !u.emergency.safety?.includes(own.text))
          u.emergency = { ...u.emergency, safety: [u.emergency.safety, own.text].filter(Boolean).join(' ') };
      }
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
      // "we're buying a 1950s semi and the survey says it needs a full rewire": no request, but what the owner wrote
      // about it ("every rewire is priced after a free site visit") is the answer to what the caller told
      if (event.type === 'TURN' && expecting === 'intent' && !u.intents.length && lang === 'en' && toldOnly(event)) {
        const own = kb.ownEntry(text, text, true);
        // asked as the owner wrote the question it answers, so the answer is that entry's
        // (one word of an entry's question is enough only in a story of a need: "I'm calling about my car" is none)
        const story = text.split(/\s+/).length >= 8 && NEED_TOLD.test(text.toLowerCase());
        const asked =
          own?.confident || (story && aboutTold(own))
            ? business.knowledge?.find((k) => k.a === own!.text)?.q
            : undefined;
        if (asked) event = { type: 'QUESTION', text: asked, turn: event };
      }
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
