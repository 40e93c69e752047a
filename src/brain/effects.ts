/** Runs what a `run:<effect>` state asks for through the tools, and answers with the result event. */
import { DateTime } from 'luxon';
import { asksForAQuote, staffWhoDo, type DialogContext, type ResultEvent } from './dialog.js';
import type { Effect } from './machine.js';
import { isOpenAt, sayInstant } from './calendar.js';
import { aboutIt, OF_IT } from './knowledge.js';
import { runTool, type ToolContext } from './tools/index.js';
import type { EmergencyHit } from './nlu/index.js';
import type { BrainEvent } from './types.js';

type Emit = (e: BrainEvent) => void;

/** Performs one effect for the chart's current context. Never throws. */
export async function runEffect(
  effect: Effect,
  ctx: DialogContext,
  tools: ToolContext,
  emit: Emit,
): Promise<ResultEvent> {
  switch (effect) {
    case 'search':
      return search(ctx, tools, emit);
    case 'hold': {
      // best effort: a hold keeps the slot while the caller gives details; booking still re-checks it
      const slot = ctx.slot;
      if (slot && ctx.service && tools.ports.booking.holdSlot) {
        await tools.ports.booking.holdSlot({ serviceName: ctx.service.name, slot }).catch(() => null);
      }
      return { type: 'HELD', start: slot?.start ?? '' };
    }
    case 'commit':
      return commit(ctx, tools, emit);
    case 'lookup': {
      // on caller ID alone, what the caller said (the name on the booking, its date) must match first
      const r = await runTool(
        tools,
        'find_appointments',
        { ...(ctx.name ? { name: ctx.name } : {}), ...(ctx.claimedDate ? { date: ctx.claimedDate } : {}) },
        emit,
      );
      if (!r.ok) return { type: 'TOOL_ERROR' };
      if (r.result.blocked === 'detail_needed') return { type: 'DETAIL_NEEDED' };
      if (r.result.blocked === 'detail_mismatch') return { type: 'DETAIL_MISMATCH' };
      return { type: 'APPOINTMENTS', list: r.result.appointments };
    }
    case 'sendCode': {
      const r = await runTool(tools, 'send_code', { phone: ctx.phone ?? '' }, emit);
      return r.ok ? { type: 'CODE_SENT' } : { type: 'TOOL_ERROR' };
    }
    case 'checkCode': {
      const r = await runTool(tools, 'check_code', { code: ctx.code ?? '' }, emit);
      if (!r.ok) return { type: 'TOOL_ERROR' };
      return r.result.verified ? { type: 'VERIFIED' } : { type: 'CODE_WRONG', final: r.result.final };
    }
    case 'cancel': {
      if (!ctx.target) return { type: 'TOOL_ERROR' };
      const r = await runTool(
        tools,
        'cancel',
        { appointmentId: ctx.target.id, reason: 'caller asked on the phone' },
        emit,
      );
      return r.ok && r.result.ok ? { type: 'CANCELLED' } : { type: 'TOOL_ERROR' };
    }
    case 'emergency':
      return emergency(ctx, tools, emit);
    case 'transfer': {
      // outside opening hours nobody is there to take a transfer; the caller leaves a message instead
      if (ctx.afterHours) return { type: 'TRANSFERRED', accepted: false };
      // what the person answering hears: who asked for whom, and about what if the caller said
      const reason = `the caller asked for ${ctx.staff ?? 'a person'}${ctx.service ? ` about ${ctx.service.name}` : ''}`;
      const r = await runTool(
        tools,
        'transfer_to_human',
        { reason, ...(ctx.name ? { callerName: ctx.name } : {}) },
        emit,
      );
      return r.ok
        ? { type: 'TRANSFERRED', accepted: r.result.accepted, ...(r.result.to ? { to: r.result.to } : {}) }
        : { type: 'TOOL_ERROR' };
    }
    case 'message': {
      const text = ctx.message ?? '';
      // the company the caller named travels with the message ("Dana from Acme Supply")
      const said = (x: string) => text.toLowerCase().includes(x.toLowerCase());
      const about = ctx.service && ![ctx.service.name, ...(ctx.service.synonyms ?? [])].some(said);
      const withService = about ? `${text} (about ${ctx.service!.name})` : text;
      const withCompany = ctx.company && !said(ctx.company) ? `${withService} (from ${ctx.company})` : withService;
      // a quote or an estimate asked for is a prospect for the business: its lead, with the message as the need
      const r = asksForAQuote(text.toLowerCase())
        ? await runTool(
            tools,
            'capture_lead',
            { need: withCompany.slice(0, 500), priority: ctx.leadPriority, ...contactOf(ctx) },
            emit,
          )
        : await runTool(
            tools,
            'take_message',
            {
              text: withCompany,
              ...contactOf(ctx),
              ...(ctx.leadPriority !== 'NORMAL' ? { urgent: true } : {}),
            },
            emit,
          );
      return r.ok ? { type: 'MESSAGE_TAKEN' } : { type: 'TOOL_ERROR' };
    }
    case 'lead': {
      // the emergency's lead, opened by the alert, gains who to call back and where; so does a message passed on
      const hit = ctx.emergency;
      const told = ctx.addedDetails ? ` (${ctx.addedDetails.slice(0, 300)})` : '';
      const need = hit ? `${emergencySummary(hit)}${told}` : ctx.passedOn;
      if (!need) return { type: 'TOOL_ERROR' };
      const r = await runTool(
        tools,
        'capture_lead',
        {
          need,
          priority: ctx.leadPriority,
          ...contactOf(ctx),
        },
        emit,
      );
      return r.ok ? { type: 'LEAD_SAVED' } : { type: 'TOOL_ERROR' };
    }
    case 'answer': {
      // "how much is it?" while a full groom is being booked: the full groom's price, not the first one listed
      const q = ctx.question ?? '';
      const of = ctx.service ?? ctx.askedAbout;
      const question = of && OF_IT.test(q) ? aboutIt(q, of.name) : q;
      const r = await runTool(tools, 'answer_question', { question }, emit);
      return r.ok ? { type: 'ANSWERED', text: r.result.answer } : { type: 'ANSWERED', text: null };
    }
    case 'end': {
      // a booking the agent could not finish because it missed the caller's answers is not lost: the team gets it
      const need = unfinishedBooking(ctx);
      if (need) await runTool(tools, 'capture_lead', { need, priority: 'NORMAL', ...contactOf(ctx) }, emit);
      await runTool(tools, 'end_call', { reason: 'caller finished' }, emit);
      return { type: 'ENDED' };
    }
  }
}

async function search(ctx: DialogContext, tools: ToolContext, emit: Emit): Promise<ResultEvent> {
  const w = ctx.wish ?? {};
  // "not with Mike": the others who do the service, each asked, their times merged
  const others = ctx.avoidStaff && !ctx.staff ? staffOtherThan(ctx, ctx.avoidStaff) : [undefined];
  const results = [];
  for (const staff of others.length ? others : [undefined]) {
    const r = await runTool(
      tools,
      'check_availability',
      {
        service: ctx.service?.name ?? '',
        ...(w.date ? { date: w.date } : {}),
        ...(w.range ? { from: w.range.from, to: w.range.to } : {}),
        ...(w.partOfDay ? { partOfDay: w.partOfDay } : {}),
        ...(w.after ? { after: w.after } : {}),
        ...(w.before ? { before: w.before } : {}),
        ...(w.doneBy ? { endBy: w.doneBy } : {}),
        ...(w.notWeekdays?.length ? { notWeekdays: w.notWeekdays } : {}),
        ...((staff ?? ctx.staff) ? { staff: staff ?? ctx.staff } : {}),
        ...(ctx.task === 'reschedule' && ctx.target ? { moving: ctx.target.id } : {}),
      },
      emit,
    );
    if (!r.ok) return { type: 'TOOL_ERROR' };
    results.push(r.result);
  }
  const now = DateTime.fromJSDate(tools.clock.now(), { zone: ctx.business.timezone });
  const nowLocal = { date: now.toISODate()!, time: now.toFormat('HH:mm') };
  const slots = results
    .flatMap((x) => x.slots)
    .sort((x, y) => Date.parse(x.start) - Date.parse(y.start))
    .filter((x, i, all) => i === 0 || all[i - 1].start !== x.start);
  // widened only when every search had to widen
  return { type: 'SLOTS', slots, widened: results.every((x) => x.widened), now: nowLocal };
}

/** The staff who perform the caller's service, other than the one refused. */
function staffOtherThan(ctx: DialogContext, refused: string): string[] {
  return staffWhoDo(ctx.business, ctx.service?.name).filter((name) => name !== refused);
}

/** The caller's details the conversation holds, only those it has. */
function contactOf(ctx: DialogContext): { name?: string; phone?: string; email?: string; address?: string } {
  return {
    ...(ctx.name ? { name: ctx.name } : {}),
    ...(ctx.phone ? { phone: ctx.phone } : {}),
    ...(ctx.email ? { email: ctx.email } : {}),
    ...(ctx.address ? { address: ctx.address } : {}),
  };
}

/**
 * What the owner reads on the lead of a booking left unfinished after the agent missed the caller's answers
 * (a read-back answered "that'd be grand" twice, then goodbye), once it knows who to call; undefined otherwise.
 */
function unfinishedBooking(ctx: DialogContext): string | undefined {
  if (ctx.task !== 'book' || !ctx.misses || !(ctx.name || ctx.phone) || !(ctx.service || ctx.slot)) return undefined;
  const when = ctx.slot ? ` at ${sayInstant(ctx.slot.start, ctx.business.timezone)}` : '';
  return `Wanted to book ${ctx.service ? ctx.service.name.toLowerCase() : 'an appointment'}${when}; the booking was not finished on the call`;
}

/** What the owner reads on an emergency's lead: what it is and the caller's own words. */
const emergencySummary = (hit: EmergencyHit) => `${hit.label}: caller said "${hit.term}"`;

async function commit(ctx: DialogContext, tools: ToolContext, emit: Emit): Promise<ResultEvent> {
  if (!ctx.slot) return { type: 'TOOL_ERROR' };
  if (ctx.task === 'reschedule' && ctx.target) {
    const r = await runTool(tools, 'reschedule', { appointmentId: ctx.target.id, start: ctx.slot.start }, emit);
    if (!r.ok) return { type: 'TOOL_ERROR' };
    return r.result.ok
      ? { type: 'BOOKED', appointment: r.result.appointment }
      : { type: 'COMMIT_FAILED', alternatives: r.result.alternatives ?? [] };
  }
  const service = ctx.service?.name ?? '';
  const r = await runTool(
    tools,
    'book_appointment',
    {
      service,
      start: ctx.slot.start,
      ...contactOf(ctx),
      name: ctx.name ?? '',
      ...(ctx.emergency ? { notes: `Urgent: ${ctx.emergency.label}` } : {}),
    },
    emit,
  );
  if (!r.ok) return { type: 'TOOL_ERROR' };
  if (!r.result.ok) return { type: 'COMMIT_FAILED', alternatives: r.result.alternatives ?? [] };
  // an urgent caller's lead was captured when the emergency was heard
  if (!ctx.emergency)
    await runTool(
      tools,
      'capture_lead',
      {
        need: `${service} booked for ${sayInstant(ctx.slot.start, ctx.business.timezone)}`,
        priority: ctx.leadPriority,
        ...contactOf(ctx),
      },
      emit,
    );
  return { type: 'BOOKED', appointment: r.result.appointment };
}

/**
 * Emergencies of the caller's body whose safety line says to hang up and call the emergency number: holding
 * them on a transfer to the business would keep them from it (the owner is alerted all the same).
 */
const CALL_911_FIRST = new Set([
  'chest pain',
  'heart attack signs',
  'stroke signs',
  'trouble breathing',
  'fainting',
  'overdose',
  'severe bleeding',
]);

/**
 * Every URGENT emergency records the emergency lead and starts the owner's alert ladder
 * (escalate_emergency) first, whatever happens next; then, during hours with a number to call, the
 * caller is also transferred. A transfer that fails changes nothing about the alert. HIGH: during
 * hours a HIGH lead and the earliest appointment, after hours escalate_emergency as well.
 */
async function emergency(ctx: DialogContext, tools: ToolContext, emit: Emit): Promise<ResultEvent> {
  const hit = ctx.emergency;
  if (!hit) return { type: 'TOOL_ERROR' };
  const open = isOpenAt(ctx.business, tools.clock.now());
  const who = {
    ...(ctx.name ? { name: ctx.name } : {}),
    ...(ctx.phone ? { phone: ctx.phone } : {}),
    ...(ctx.address ? { address: ctx.address } : {}),
  };
  const priority = hit.priority === 'URGENT' ? 'URGENT' : 'HIGH';
  const need = `Emergency: ${hit.label} (caller said "${hit.term}")`;
  // exactly one lead per emergency: escalate_emergency records it (URGENT, or HIGH after hours);
  // a HIGH one during hours is a HIGH lead and the earliest appointment
  if (priority === 'HIGH' && open) {
    await runTool(tools, 'capture_lead', { need, priority, ...who }, emit);
    return { type: 'EMERGENCY_HANDLED', outcome: 'book', notified: [] };
  }
  const e = await runTool(tools, 'escalate_emergency', { priority, summary: emergencySummary(hit), ...who }, emit);
  const notified = e.ok ? e.result.notified : [];
  if (priority === 'URGENT' && open && ctx.business.escalationNumber && !CALL_911_FIRST.has(hit.label)) {
    const t = await runTool(
      tools,
      'transfer_to_human',
      { reason: `Emergency: ${hit.label}`, ...(ctx.name ? { callerName: ctx.name } : {}) },
      emit,
    );
    if (t.ok && t.result.accepted)
      return {
        type: 'EMERGENCY_HANDLED',
        outcome: 'transferred',
        notified,
        ...(t.result.to ? { to: t.result.to } : {}),
      };
  }
  return { type: 'EMERGENCY_HANDLED', outcome: 'alerted', notified };
}
