import { backoffDelayMs, isCredentialsError, isThrottle, isTransient } from './throttling';

describe("isThrottle (the SDK's classification)", () => {
  it.each([
    // What CloudFormation (query protocol) and ECS (JSON) answer when throttling.
    [{ name: 'Throttling', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } }, true],
    [{ name: 'ThrottlingException', message: 'Rate exceeded' }, true],
    [{ name: 'RequestLimitExceeded', message: 'Request limit exceeded.' }, true],
    [
      { name: 'SomethingNew', message: 'Too Many Requests', $metadata: { httpStatusCode: 429 } },
      true,
    ],
    [{ name: 'SomethingModeled', message: 'slow down', $retryable: { throttling: true } }, true],
    // A used-up quota is not a throttle: waiting does not help.
    [{ name: 'LimitExceededException', message: 'Limit on the number of stacks' }, false],
    [
      {
        name: 'ValidationError',
        message: 'Stack with id x does not exist',
        $metadata: { httpStatusCode: 400 },
      },
      false,
    ],
    [{ name: 'ClusterNotFoundException' }, false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isThrottle(error)).toBe(expected);
  });
});

describe("isTransient (the SDK's classification)", () => {
  it.each([
    [{ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } }, true],
    [{ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }, true],
    [{ name: 'Error', code: 'ECONNRESET' }, true],
    [{ name: 'Error', code: 'ECONNREFUSED' }, true],
    [{ name: 'Error', code: 'ENOTFOUND' }, true],
    [{ name: 'Error', code: 'EAI_AGAIN' }, true],
    [{ name: 'TimeoutError' }, true],
    [{ name: 'Error', message: 'socket hang up', cause: { name: 'Error', code: 'EPIPE' } }, true],
    [
      {
        name: 'Error',
        message: 'AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9',
      },
      true,
    ],
    [{ name: 'Error', message: 'AWS SDK error wrapper for Error: EACCES' }, false],
    [{ name: 'ValidationError', message: 'Stack ECONNREFUSED does not exist' }, false],
    [{ $metadata: { httpStatusCode: 400 }, name: 'ValidationError' }, false],
    [{ name: 'AbortError', code: 'ECONNRESET' }, false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });
});

describe('backoffDelayMs', () => {
  it('grows with the attempt, stays under the cap and is jittered', () => {
    expect(backoffDelayMs(0, () => 0.999)).toBeLessThan(200);
    expect(backoffDelayMs(5, () => 0.999)).toBeGreaterThan(6000);
    expect(backoffDelayMs(30, () => 0.999)).toBeLessThanOrEqual(20_000);
    expect(backoffDelayMs(5, () => 0)).toBe(100);
    expect(new Set([0.1, 0.5, 0.9].map((r) => backoffDelayMs(4, () => r))).size).toBe(3);
  });
});

describe('isCredentialsError', () => {
  it.each([
    [
      {
        name: 'CredentialsProviderError',
        message: 'Could not load credentials from any providers',
      },
      true,
    ],
    [{ name: 'Error', message: 'Could not load credentials from any providers' }, true],
    [
      { name: 'ExpiredToken', message: 'The security token included in the request is expired' },
      false,
    ],
    [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND sts.eu-west-1.amazonaws.com' }, false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isCredentialsError(error)).toBe(expected);
  });
});
