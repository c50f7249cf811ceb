import { ApiError, UnreachableError, UsageError, WaitTimeoutError } from './cli-errors';
import { exitCodeForError, exitCodeForStatus, exitCodeForStatuses } from './exit-codes';

describe('exit codes', () => {
  it.each([
    [400, 2],
    [404, 2],
    [409, 2],
    [413, 2],
    [422, 2],
    [401, 4],
    [403, 4],
    [429, 4],
    [500, 4],
    [503, 4],
  ])('HTTP %d exits %d', (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });

  it.each([
    ['a refused request', new ApiError('POST', '/api/x', { status: 422 }), 2],
    ['a bad key', new ApiError('GET', '/api/x', { status: 401 }), 4],
    ['an unreachable server', new UnreachableError('http://localhost:1', 'ECONNREFUSED'), 4],
    ['a timeout', new WaitTimeoutError(1000), 3],
    ['bad usage', new UsageError('no'), 2],
    ['anything else', new Error('boom'), 2],
  ])('%s exits %d', (_name, error, code) => {
    expect(exitCodeForError(error)).toBe(code);
  });

  it.each([
    [['succeeded', 'succeeded'], 0],
    [[], 0],
    [['succeeded', 'failed'], 1],
    [['cancelled'], 1],
  ])('deployments %j exit %d', (statuses, code) => {
    expect(exitCodeForStatuses(statuses)).toBe(code);
  });
});
