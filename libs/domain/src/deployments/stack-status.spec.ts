import {
  acceptsUpdate,
  isOperationEvent,
  operationOutcome,
  pollDelayMs,
  stackPhase,
} from './stack-status';

describe('stackPhase', () => {
  it.each([
    [undefined, 'absent'],
    ['DELETE_COMPLETE', 'absent'],
    ['REVIEW_IN_PROGRESS', 'review'],
    ['CREATE_IN_PROGRESS', 'in-progress'],
    ['UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'in-progress'],
    ['UPDATE_ROLLBACK_IN_PROGRESS', 'in-progress'],
    ['CREATE_COMPLETE', 'succeeded'],
    ['UPDATE_COMPLETE', 'succeeded'],
    ['ROLLBACK_COMPLETE', 'failed'],
    ['UPDATE_ROLLBACK_COMPLETE', 'failed'],
    ['UPDATE_ROLLBACK_FAILED', 'rollback-failed'],
    ['CREATE_FAILED', 'failed'],
  ])('%s → %s', (status, phase) => {
    expect(stackPhase(status)).toBe(phase);
  });
});

describe('operationOutcome', () => {
  it.each([
    ['UPDATE_COMPLETE', 'succeeded'],
    ['UPDATE_ROLLBACK_COMPLETE', 'failed'],
    ['UPDATE_ROLLBACK_FAILED', 'failed'],
    ['UPDATE_IN_PROGRESS', 'pending'],
  ])('%s → %s', (status, outcome) => {
    expect(operationOutcome(status)).toBe(outcome);
  });
});

describe('acceptsUpdate', () => {
  it.each([
    ['CREATE_COMPLETE', true],
    ['UPDATE_ROLLBACK_COMPLETE', true],
    ['ROLLBACK_COMPLETE', false],
    ['UPDATE_IN_PROGRESS', false],
  ])('%s → %s', (status, expected) => {
    expect(acceptsUpdate(status)).toBe(expected);
  });
});

describe('pollDelayMs', () => {
  it('polls fast at first, then backs off geometrically up to the maximum', () => {
    expect([0, 1, 2, 3, 4, 100].map((polls) => pollDelayMs(polls, 1000, 10000))).toEqual([
      1000, 2000, 4000, 8000, 10000, 10000,
    ]);
  });
});

describe('isOperationEvent', () => {
  const since = new Date('2026-01-01T12:00:00Z');
  const after = new Date('2026-01-01T12:00:05Z');
  const before = new Date('2026-01-01T11:59:59Z');
  it.each([
    ['the execution', { ClientRequestToken: 'gantry-d1', Timestamp: after }, true],
    ['our cancel', { ClientRequestToken: 'gantry-d1-cancel', Timestamp: after }, true],
    [
      'our continued rollback',
      { ClientRequestToken: 'gantry-d1-rollback', Timestamp: after },
      true,
    ],
    [
      'the previous deployment, however recent',
      { ClientRequestToken: 'gantry-d0', Timestamp: after },
      false,
    ],
    [
      'a rollback continued before our change set',
      { ClientRequestToken: 'gantry-d1-continue', Timestamp: after },
      false,
    ],
    ['a tokenless event since the start', { Timestamp: after }, true],
    ['a tokenless event before the start', { Timestamp: before }, false],
  ])('%s → %s', (_what, event, expected) => {
    expect(isOperationEvent(event, 'gantry-d1', since)).toBe(expected);
  });
});
