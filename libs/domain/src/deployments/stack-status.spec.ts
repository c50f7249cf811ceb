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
    ['IMPORT_COMPLETE', 'succeeded'],
    ['IMPORT_ROLLBACK_COMPLETE', 'failed'],
    ['DELETE_FAILED', 'failed'],
    ['UPDATE_FAILED', 'failed'],
    ['ROLLBACK_FAILED', 'failed'],
    ['IMPORT_ROLLBACK_FAILED', 'failed'],
    [null, 'absent'],
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
    ['CREATE_COMPLETE', 'succeeded'],
    ['ROLLBACK_COMPLETE', 'failed'],
    ['REVIEW_IN_PROGRESS', 'pending'],
    ['DELETE_COMPLETE', 'pending'],
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
    ['UPDATE_COMPLETE', true],
    ['IMPORT_COMPLETE', true],
    ['IMPORT_ROLLBACK_COMPLETE', true],
    ['UPDATE_ROLLBACK_FAILED', false],
    ['REVIEW_IN_PROGRESS', false],
  ])('%s → %s', (status, expected) => {
    expect(acceptsUpdate(status)).toBe(expected);
  });
});

describe('pollDelayMs', () => {
  // Fast at first, then twice as long each time up to the maximum.
  it.each([
    [0, 1000],
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [4, 10000],
    [100, 10000],
  ])('after %i polls: %i ms', (polls, delay) => {
    expect(pollDelayMs(polls, 1000, 10000)).toBe(delay);
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
