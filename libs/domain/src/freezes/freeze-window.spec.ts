import { activeFreeze, freezeCovers, freezeWindowEnd, recurrenceProblems } from './freeze-window';
import type { Freeze } from './freeze.types';

const freeze = (overrides: Partial<Freeze>): Freeze => ({
  id: 'f',
  name: 'Freeze',
  reason: '',
  startAt: null,
  endAt: null,
  recurrence: null,
  timeZone: 'UTC',
  projectIds: [],
  environmentIds: [],
  tenantIds: [],
  ...overrides,
});
const at = (iso: string) => new Date(iso);

describe('freezeCovers', () => {
  const scoped = freeze({ projectIds: ['shop'], environmentIds: ['prod'], tenantIds: ['acme'] });
  it.each([
    ['an unscoped freeze covers everything', freeze({}), 'api', 'dev', null, true],
    ['every list matches', scoped, 'shop', 'prod', 'acme', true],
    ['another project', scoped, 'api', 'prod', 'acme', false],
    ['another environment', scoped, 'shop', 'test', 'acme', false],
    [
      'an untenanted deployment is outside a tenant-scoped freeze',
      scoped,
      'shop',
      'prod',
      null,
      false,
    ],
    ['environments only', freeze({ environmentIds: ['prod'] }), 'any', 'prod', 'globex', true],
  ])('%s', (_name, rule, projectId, environmentId, tenantId, expected) => {
    expect(freezeCovers(rule, { projectId, environmentId, tenantId })).toBe(expected);
  });
});

describe('freezeWindowEnd', () => {
  const oneOff = freeze({ startAt: at('2026-12-24T00:00:00Z'), endAt: at('2026-12-27T00:00:00Z') });
  // Friday 18:00 to Monday 06:00, Berlin time (UTC+1 in December).
  const weekend = freeze({
    timeZone: 'Europe/Berlin',
    recurrence: { kind: 'weekly', days: ['fri'], from: '18:00', to: '06:00' },
  });
  const weekendDays = freeze({
    recurrence: { kind: 'weekly', days: ['sat', 'sun'], from: '00:00', to: '24:00' },
  });
  const nightly = freeze({
    timeZone: 'America/New_York',
    recurrence: { kind: 'cron', expression: '0 22 * * *', durationMinutes: 480 },
  });
  it.each([
    ['before a one-off window', oneOff, '2026-12-23T23:59:59Z', null],
    [
      'at the start of a one-off window',
      oneOff,
      '2026-12-24T00:00:00Z',
      '2026-12-27T00:00:00.000Z',
    ],
    ['inside it', oneOff, '2026-12-25T12:00:00Z', '2026-12-27T00:00:00.000Z'],
    ['at its end (the end is free)', oneOff, '2026-12-27T00:00:00Z', null],
    [
      'Friday evening in Berlin: frozen, overnight past the weekday',
      weekend,
      '2026-12-04T17:30:00Z',
      '2026-12-05T05:00:00.000Z',
    ],
    ['Friday afternoon in Berlin: free', weekend, '2026-12-04T16:59:00Z', null],
    [
      'Saturday: back-to-back days are one window',
      weekendDays,
      '2026-12-05T09:00:00Z',
      '2026-12-07T00:00:00.000Z',
    ],
    ['a weekday is free', weekendDays, '2026-12-04T09:00:00Z', null],
    [
      'nightly in New York: 23:00 local is frozen until 06:00 local',
      nightly,
      '2026-12-05T04:00:00Z',
      '2026-12-05T11:00:00.000Z',
    ],
    ['nightly: 07:00 local is free', nightly, '2026-12-05T12:00:00Z', null],
  ])('%s', (_name, rule, moment, expected) => {
    expect(freezeWindowEnd(rule, at(moment))?.toISOString() ?? null).toBe(expected);
  });

  it('a recurring window stays within its bounds', () => {
    const bounded = freeze({ ...weekendDays, endAt: at('2026-12-06T12:00:00Z') });
    expect(freezeWindowEnd(bounded, at('2026-12-05T09:00:00Z'))?.toISOString()).toBe(
      '2026-12-06T12:00:00.000Z',
    );
    expect(freezeWindowEnd(bounded, at('2026-12-12T09:00:00Z'))).toBeNull();
  });
});

describe('activeFreeze', () => {
  const scope = { projectId: 'shop', environmentId: 'prod', tenantId: null };
  const first = freeze({
    id: 'a',
    startAt: at('2026-12-24T00:00:00Z'),
    endAt: at('2026-12-26T00:00:00Z'),
  });
  const overlapping = freeze({
    id: 'b',
    startAt: at('2026-12-25T00:00:00Z'),
    endAt: at('2026-12-28T00:00:00Z'),
  });
  const elsewhere = freeze({
    id: 'c',
    environmentIds: ['dev'],
    startAt: at('2026-12-01T00:00:00Z'),
    endAt: at('2027-01-01T00:00:00Z'),
  });

  it.each([
    ['no freeze', [], '2026-12-24T12:00:00Z', null, null],
    ['one freeze', [first], '2026-12-24T12:00:00Z', 'a', '2026-12-26T00:00:00.000Z'],
    [
      'a freeze that follows on keeps the scope frozen until it ends',
      [first, overlapping],
      '2026-12-24T12:00:00Z',
      'b',
      '2026-12-28T00:00:00.000Z',
    ],
    [
      'a freeze of another environment does not count',
      [elsewhere],
      '2026-12-24T12:00:00Z',
      null,
      null,
    ],
  ])('%s', (_name, freezes, moment, id, endsAt) => {
    const active = activeFreeze(freezes, scope, at(moment));
    expect(active?.freeze.id ?? null).toBe(id);
    expect(active?.endsAt.toISOString() ?? null).toBe(endsAt);
  });
});

describe('recurrenceProblems', () => {
  it.each([
    [
      'a valid weekly window',
      { kind: 'weekly' as const, days: ['mon' as const], from: '09:00', to: '17:00' },
      'UTC',
      [],
    ],
    [
      'a bad time',
      { kind: 'weekly' as const, days: ['mon' as const], from: '9am', to: '25:00' },
      'UTC',
      ['recurrence.from', 'recurrence.to'],
    ],
    [
      'a valid cron expression',
      { kind: 'cron' as const, expression: '0 18 * * 5', durationMinutes: 60 },
      'Europe/Paris',
      [],
    ],
    [
      'a cron expression that does not parse',
      { kind: 'cron' as const, expression: 'every friday', durationMinutes: 60 },
      'UTC',
      ['recurrence.expression'],
    ],
    [
      'a cron expression with seconds',
      { kind: 'cron' as const, expression: '0 0 18 * * 5', durationMinutes: 60 },
      'UTC',
      ['recurrence.expression'],
    ],
    ['an unknown time zone', null, 'Mars/Olympus', ['timeZone']],
  ])('%s', (_name, recurrence, timeZone, paths) => {
    expect(recurrenceProblems(recurrence, timeZone).map((p) => p.path)).toEqual(paths);
  });
});

describe('degenerate recurrences stay cheap', () => {
  it('an every-minute, week-long window is reported a while ahead instead of walked minute by minute', () => {
    const always = freeze({
      recurrence: { kind: 'cron', expression: '* * * * *', durationMinutes: 10080 },
    });
    const active = activeFreeze(
      [always],
      { projectId: 'p', environmentId: 'e', tenantId: null },
      at('2026-12-04T12:00:00Z'),
    );
    expect(active?.endsAt.getTime()).toBeGreaterThan(at('2026-12-11T12:00:00Z').getTime());
  });
});
