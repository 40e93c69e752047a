/**
 * Booking routes (API.md › Booking): availability, appointments list / create (Idempotency-Key) /
 * get / patch / cancel — every query scoped to the caller's organization.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, ErrorAnswer, NoContent } from '../../answers.js';
import { blockTime, createBookingService, listBlockedTimes, slotViews, unblockTime } from '../../../booking/index.js';
import type { BookingEventSink, BusyTimes, CalendarSync } from '../../../booking/index.js';
import type { ApiContext } from '../../context.js';
import type { RoutePlugin } from '../../app.js';
import { principalOf, protect, WRITE_ROLES } from '../../plugins/auth.js';
import {
  AppointmentView,
  AvailabilityQuery,
  ChangeView,
  CreateAppointmentBody,
  IdParams,
  Instant,
  ListAppointmentsQuery,
  PatchAppointmentBody,
  SlotView,
  Uuid,
} from './schemas.js';
import { appointmentView, changeView } from './views.js';

/** What the composition root plugs into booking: connected calendars and the outbox. */
export interface BookingRouteOptions {
  readonly calendar?: { readonly busy?: BusyTimes; readonly sync?: CalendarSync };
  readonly events?: BookingEventSink;
}

const DEFAULT_WINDOW_DAYS = 7;
const tags = ['booking'];
const ErrorView = ErrorAnswer;
/** A blocked time (break or time off). */
const BlockedView = z.object({
  id: z.string(),
  staffId: z.string().nullable(),
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  reason: z.string().nullable(),
});

/** Builds the booking route plugin around the given ports. */
export function createBookingRoutes(opts: BookingRouteOptions = {}): RoutePlugin {
  return async (app: FastifyInstance, ctx: ApiContext) => {
    const booking = createBookingService({
      db: ctx.database.db,
      clock: ctx.clock,
      calendar: opts.calendar,
      events: opts.events,
      logger: ctx.logger,
    });
    protect(app, ctx.tokens, WRITE_ROLES.operations);
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/availability',
      {
        schema: {
          tags,
          querystring: AvailabilityQuery,
          response: answers({ 200: z.object({ timezone: z.string(), slots: z.array(SlotView) }) }),
        },
      },
      async (req) => {
        const organizationId = principalOf(req).organizationId;
        const from = req.query.from ?? ctx.clock.now();
        const to = req.query.to ?? new Date(from.getTime() + DEFAULT_WINDOW_DAYS * 86_400_000);
        const { tz, slots } = await booking.availability(organizationId, {
          serviceId: req.query.serviceId,
          from,
          to,
          staffId: req.query.staffId,
        });
        return { timezone: tz, slots: slotViews(slots, tz) };
      },
    );

    r.get(
      '/api/appointments',
      {
        schema: {
          tags,
          querystring: ListAppointmentsQuery,
          response: answers({ 200: z.object({ items: z.array(AppointmentView), nextCursor: z.string().optional() }) }),
        },
      },
      async (req) => {
        const organizationId = principalOf(req).organizationId;
        const q = req.query;
        const [tz, page] = await Promise.all([
          booking.timezone(organizationId),
          booking.list(organizationId, { ...q, statuses: q.status }),
        ]);
        return {
          items: page.items.map((a) => appointmentView(a, tz)),
          ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
        };
      },
    );

    r.post(
      '/api/appointments',
      {
        schema: {
          tags,
          body: CreateAppointmentBody,
          headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).passthrough(),
          response: answers({ 201: AppointmentView, 409: ErrorView, 422: ErrorView }),
        },
      },
      async (req, reply) => {
        const p = principalOf(req);
        const key = req.headers['idempotency-key'];
        const { appointment, replayed } = await booking.book(p.organizationId, {
          ...req.body,
          source: 'api',
          actor: `user:${p.userId}`,
          idempotencyKey: typeof key === 'string' ? key : null,
        });
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).send(appointmentView(appointment, await booking.timezone(p.organizationId)));
      },
    );

    r.get(
      '/api/appointments/:id',
      {
        schema: {
          tags,
          params: IdParams,
          response: answers({ 200: AppointmentView.extend({ history: z.array(ChangeView) }) }),
        },
      },
      async (req) => {
        const organizationId = principalOf(req).organizationId;
        const [tz, a] = await Promise.all([
          booking.timezone(organizationId),
          booking.get(organizationId, req.params.id),
        ]);
        return { ...appointmentView(a, tz), history: a.history.map((c) => changeView(c, tz)) };
      },
    );

    r.patch(
      '/api/appointments/:id',
      {
        schema: {
          tags,
          params: IdParams,
          body: PatchAppointmentBody,
          response: answers({ 200: AppointmentView, 409: ErrorView, 422: ErrorView }),
        },
      },
      async (req) => {
        const p = principalOf(req);
        const actor = `user:${p.userId}`;
        const { start, staffId, durationMin, status } = req.body;
        let a =
          start !== undefined || staffId !== undefined || durationMin !== undefined
            ? await booking.reschedule(p.organizationId, req.params.id, { start, staffId, durationMin, actor })
            : await booking.get(p.organizationId, req.params.id);
        if (status) a = await booking.changeStatus(p.organizationId, req.params.id, status, actor);
        return appointmentView(a, await booking.timezone(p.organizationId));
      },
    );

    // Breaks and time off: availability (and so the agent) never offers blocked time.
    const blockedView = (b: {
      id: string;
      staffId: string | null;
      kind: string;
      start: Date;
      end: Date;
      reason: string | null;
    }) => ({
      id: b.id,
      staffId: b.staffId,
      kind: b.kind,
      start: b.start.toISOString(),
      end: b.end.toISOString(),
      reason: b.reason,
    });
    r.get(
      '/api/blocked-times',
      {
        schema: {
          tags,
          querystring: z.strictObject({ from: Instant, to: Instant }),
          response: answers({ 200: z.object({ items: z.array(BlockedView) }) }),
        },
      },
      async (req) => ({
        items: (
          await listBlockedTimes({ db: ctx.database.db }, principalOf(req).organizationId, req.query.from, req.query.to)
        ).map(blockedView),
      }),
    );
    r.post(
      '/api/blocked-times',
      {
        schema: {
          tags,
          body: z.strictObject({
            staffId: Uuid.nullable(),
            kind: z.enum(['break', 'time_off']).default('time_off'),
            start: Instant,
            end: Instant,
            reason: z.string().trim().max(200, 'Please keep the reason under 200 characters').nullable().optional(),
          }),
          response: answers({ 201: BlockedView }),
        },
      },
      async (req, reply) => {
        const b = req.body;
        return reply.status(201).send(
          blockedView(
            await blockTime({ db: ctx.database.db }, principalOf(req).organizationId, {
              ...b,
              start: b.start,
              end: b.end,
            }),
          ),
        );
      },
    );
    r.delete(
      '/api/blocked-times/:id',
      { schema: { tags, params: IdParams, response: answers({ 204: NoContent }) } },
      async (req, reply) => {
        await unblockTime({ db: ctx.database.db }, principalOf(req).organizationId, req.params.id);
        return reply.status(204).send();
      },
    );

    r.post(
      '/api/appointments/:id/cancel',
      {
        schema: { tags, params: IdParams, response: answers({ 200: AppointmentView }) },
      },
      async (req) => {
        const p = principalOf(req);
        const a = await booking.cancel(p.organizationId, req.params.id, `user:${p.userId}`);
        return appointmentView(a, await booking.timezone(p.organizationId));
      },
    );
  };
}
