import type { RoutePlugin } from '../api/app.js';
import type { ApiContext } from '../api/context.js';
import { createBookingRoutes } from '../api/routes/booking/index.js';
import { callRoutes, eventRoutes } from '../api/routes/calls.js';
import { createChatRoutes } from '../api/routes/chat.js';
import { createReceptionist } from './receptionist.js';

/**
 * The whole product's routes over one context: booking, calls and leads, live events, the chat
 * widget — each capability wired to the others through the receptionist.
 */
export function productRoutes(ctx: ApiContext): RoutePlugin[] {
  const db = ctx.database.db;
  const receptionist = createReceptionist({ db, clock: ctx.clock, logger: ctx.logger, live: ctx.live, booking: {} });
  return [
    createBookingRoutes({}),
    callRoutes,
    eventRoutes,
    createChatRoutes(receptionist),
  ];
}
