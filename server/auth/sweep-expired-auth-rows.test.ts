import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.ts';
import { everyClient, findLoginFailure } from './login-failures.queries.ts';
import { sweepExpiredAuthRows } from './sweep-expired-auth-rows.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

const windowMs = 15 * 60_000;
/** A time relative to the database's clock, in minutes (negative: in the past). */
const minutesFromNow = (minutes: number) => sql<Date>`now() + ${minutes} * interval '1 minute'`;

describe('sweepExpiredAuthRows', () => {
  it('deletes expired sessions and stale login failures, and nothing else', async () => {
    const { db } = database;
    await db
      .insertInto('sessions')
      .values([
        { id: 'expired-long-ago', user_id: null, data: '{}', expires_at: minutesFromNow(-24 * 60) },
        { id: 'expired-just-now', user_id: null, data: '{}', expires_at: minutesFromNow(-0.05) },
        { id: 'active', user_id: null, data: '{}', expires_at: minutesFromNow(30) },
        { id: 'active-nearly-expired', user_id: null, data: '{}', expires_at: minutesFromNow(0.5) },
      ])
      .execute();
    await db
      .insertInto('login_failures')
      .values([
        // Window passed, never locked.
        { email: 'stale@example.se', failure_count: 3, first_failure_at: minutesFromNow(-20), locked_until: null },
        // Window passed and the lock it earned has run out.
        { email: 'lock-over@example.se', failure_count: 10, first_failure_at: minutesFromNow(-40), locked_until: minutesFromNow(-10) },
        // Still inside the window: the failures still count towards delay and lock.
        { email: 'fresh@example.se', failure_count: 4, first_failure_at: minutesFromNow(-5), locked_until: null },
        { email: 'fresh-at-edge@example.se', failure_count: 1, first_failure_at: minutesFromNow(-14.5), locked_until: null },
        // Window passed but the lock is still in force.
        { email: 'locked@example.se', failure_count: 10, first_failure_at: minutesFromNow(-20), locked_until: minutesFromNow(5) },
        // Inside the window and locked.
        { email: 'locked-fresh@example.se', failure_count: 10, first_failure_at: minutesFromNow(-2), locked_until: minutesFromNow(13) },
      ])
      .execute();

    // What the throttle sees before the sweep: the sweep must not change any of it.
    const emails = ['stale', 'lock-over', 'fresh', 'fresh-at-edge', 'locked', 'locked-fresh'].map((name) => `${name}@example.se`);
    const seenBefore = await Promise.all(emails.map((email) => findLoginFailure(db, email, everyClient, windowMs)));

    expect(await sweepExpiredAuthRows(db, { windowMs })).toEqual({ sessions: 2, loginFailures: 2, passwordResets: 0 });

    const sessions = await db.selectFrom('sessions').select('id').orderBy('id').execute();
    expect(sessions.map((row) => row.id)).toEqual(['active', 'active-nearly-expired']);
    const failures = await db.selectFrom('login_failures').select('email').orderBy('email').execute();
    expect(failures.map((row) => row.email)).toEqual(['fresh-at-edge@example.se', 'fresh@example.se', 'locked-fresh@example.se', 'locked@example.se']);

    const seenAfter = await Promise.all(emails.map((email) => findLoginFailure(db, email, everyClient, windowMs)));
    expect(seenAfter).toEqual(seenBefore);
    expect(seenBefore.map((failure) => failure !== undefined)).toEqual([false, false, true, true, true, true]);

    // A second run finds nothing more.
    expect(await sweepExpiredAuthRows(db, { windowMs })).toEqual({ sessions: 0, loginFailures: 0, passwordResets: 0 });
  });

  it('uses the window it is given', async () => {
    const { db } = database;
    await db.deleteFrom('login_failures').execute();
    await db
      .insertInto('login_failures')
      .values({ email: 'ten-minutes@example.se', failure_count: 2, first_failure_at: minutesFromNow(-10), locked_until: null })
      .execute();
    expect((await sweepExpiredAuthRows(db, { windowMs: 15 * 60_000 })).loginFailures).toBe(0);
    expect((await sweepExpiredAuthRows(db, { windowMs: 5 * 60_000 })).loginFailures).toBe(1);
    expect(await db.selectFrom('login_failures').select('email').execute()).toEqual([]);
  });

  it('deletes expired reset links and reset requests older than an hour, and keeps the rest', async () => {
    const { db } = database;
    const user = await db.insertInto('users').values({ email: 'glomsk@example.se', name: 'G', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('password_reset_tokens')
      .values([
        { user_id: user.id, token_hash: 'expired', expires_at: minutesFromNow(-1) },
        { user_id: user.id, token_hash: 'used-and-expired', expires_at: minutesFromNow(-20), used_at: minutesFromNow(-40) },
        { user_id: user.id, token_hash: 'usable', expires_at: minutesFromNow(29) },
      ])
      .execute();
    await db
      .insertInto('password_reset_requests')
      .values([
        { email: 'a@example.se', client_ip: '10.0.0.1', requested_at: minutesFromNow(-61) },
        { email: 'a@example.se', client_ip: '10.0.0.1', requested_at: minutesFromNow(-59) },
      ])
      .execute();
    expect((await sweepExpiredAuthRows(db, { windowMs })).passwordResets).toBe(3);
    expect((await db.selectFrom('password_reset_tokens').select('token_hash').execute()).map((row) => row.token_hash)).toEqual(['usable']);
    expect(await db.selectFrom('password_reset_requests').select('email').execute()).toHaveLength(1);
  });
});
