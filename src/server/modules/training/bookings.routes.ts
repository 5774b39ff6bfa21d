import {
  bookInput,
  bookingListQuery,
  bookingPageResponse,
  bookingResponse,
  bookingsResponse,
  myTrainingResponse,
  selfBookInput,
  sessionsToBookResponse,
  trainingSettingsInput,
  trainingSettingsResponse,
} from "../../../shared/schemas/training-bookings";
import { orgCtxOf } from "../../http/guards";
import { idParam } from "../../http/params";
import type { Router } from "../../http/route";
import { presentBooking, presentBookingPage, presentSessionToBook } from "./bookings.presenter";
import * as service from "./bookings.service";

// Shared training (issue 18 items 2 and 3): bookings, waiting lists, cancellations and reminders.
// An employer (a provider, or a council for its own services) books its own staff; staff with a
// personal account book themselves when their employer allows it.

const base = "/api/orgs/:orgId/training/bookings";
const mine = "/api/orgs/:orgId/my-training";
const tag = "Training";
const employers = ["provider", "council"] as const;
const view = { tag, scope: "org", permission: "training.view", orgKinds: employers } as const;
const book = { tag, scope: "org", permission: "training.book", orgKinds: employers } as const;
const self = { tag, scope: "org", permission: "self.view", orgKinds: employers } as const;
const bookingId = (c: Parameters<typeof idParam>[0]) => idParam(c, "bookingId", "booking");

export function trainingBookingRoutes(r: Router) {
  r.define(
    {
      ...book,
      method: "post",
      path: base,
      response: bookingsResponse,
      summary:
        "Book staff in post on a session, all or nothing, within the places the employer may book now (the rest on the waiting list when asked)",
      body: bookInput,
    },
    async (c, { body }) => {
      const rows = await service.bookStaff(orgCtxOf(c), body);
      return c.json({ bookings: rows.map((row) => presentBooking(row)) }, 201);
    },
  );
  r.define(
    {
      ...view,
      method: "get",
      path: base,
      response: bookingsResponse,
      summary: "The employer's own staff's bookings (filter upcoming or past, by person, by workplace), with outcomes",
      query: bookingListQuery,
    },
    async (c, { query }) => {
      const { rows, positions } = await service.listOrgBookings(orgCtxOf(c), query);
      return c.json({ bookings: rows.map((row) => presentBooking(row, positions)) });
    },
  );
  r.define(
    {
      ...book,
      method: "get",
      path: `${base}/sessions`,
      response: sessionsToBookResponse,
      summary: "Sessions to come the employer may book its staff on, with the places it may book now on each",
    },
    async (c) => c.json({ sessions: (await service.sessionsToBook(orgCtxOf(c))).map(presentSessionToBook) }),
  );
  r.define(
    {
      ...book,
      method: "get",
      path: `${base}/session/:sessionId`,
      response: bookingPageResponse,
      summary: "Booking staff on a session: the places the employer may book now and its staff in post on the day",
    },
    async (c) =>
      c.json(
        presentBookingPage(await service.getBookingPage(orgCtxOf(c), idParam(c, "sessionId", "training session"))),
      ),
  );
  for (const [action, summary] of [
    [
      "cancel",
      "Cancel a booking, an offered place or a waiting-list entry (late within the session's cancellation hours)",
    ],
    ["accept", "Take up a place offered from the waiting list while the offer stands"],
    ["decline", "Let a place offered from the waiting list go to the next person waiting"],
  ] as const) {
    r.define(
      { ...book, method: "post", path: `${base}/:bookingId/${action}`, response: bookingResponse, summary },
      async (c) => {
        const ctx = orgCtxOf(c);
        const id = bookingId(c);
        const row =
          action === "cancel"
            ? await service.cancelBooking(ctx, id)
            : action === "accept"
              ? await service.acceptOffer(ctx, id)
              : await service.declineOffer(ctx, id);
        return c.json({ booking: presentBooking(row) });
      },
    );
  }

  r.define(
    {
      ...view,
      method: "get",
      path: "/api/orgs/:orgId/training/settings",
      response: trainingSettingsResponse,
      orgKinds: ["provider"],
      summary: "The provider's training settings: whether staff with a personal account may book themselves",
    },
    async (c) => c.json(await service.getSettings(orgCtxOf(c))),
  );
  r.define(
    {
      ...book,
      method: "put",
      path: "/api/orgs/:orgId/training/settings",
      response: trainingSettingsResponse,
      orgKinds: ["provider"],
      summary: "Let staff with a personal account book themselves on training, or not",
      body: trainingSettingsInput,
    },
    async (c, { body }) => c.json(await service.saveSettings(orgCtxOf(c), body)),
  );

  r.define(
    {
      ...self,
      method: "get",
      path: mine,
      response: myTrainingResponse,
      summary: "Your training bookings, and whether your employer lets you book yourself",
    },
    async (c) => {
      const m = await service.myTraining(orgCtxOf(c));
      return c.json({
        canBook: m.canBook,
        reason: m.reason,
        bookings: m.rows.map((row) => presentBooking(row, m.positions)),
        sessions: m.sessions.map(presentSessionToBook),
      });
    },
  );
  r.define(
    {
      ...self,
      method: "post",
      path: `${mine}/bookings`,
      response: bookingResponse,
      summary: "Book yourself on a session, when your employer allows it (the same place rules as your employer's)",
      body: selfBookInput,
    },
    async (c, { body }) => c.json({ booking: presentBooking(await service.bookMyself(orgCtxOf(c), body)) }, 201),
  );
  for (const action of ["cancel", "accept", "decline"] as const) {
    r.define(
      {
        ...self,
        method: "post",
        path: `${mine}/bookings/:bookingId/${action}`,
        response: bookingResponse,
        summary: `${action[0].toUpperCase()}${action.slice(1)} your own booking or offered place, when your employer lets you book`,
      },
      async (c) => c.json({ booking: presentBooking(await service.actOnMine(orgCtxOf(c), bookingId(c), action)) }),
    );
  }
}
