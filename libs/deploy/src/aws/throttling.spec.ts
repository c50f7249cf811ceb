import { backoffDelayMs, isCredentialsError, isThrottle, isTransient } from './throttling';

describe('isThrottle', () => {
  it.each([
    [{ name: 'ThrottlingException', message: 'Rate exceeded' }, true],
    [{ name: 'Throttling', message: 'Rate exceeded' }, true],
    [
      { name: 'ValidationError', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } },
      true,
    ],
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

describe('isTransient', () => {
  it.each([
    [{ $metadata: { httpStatusCode: 503 } }, true],
    [{ code: 'ECONNRESET' }, true],
    [{ code: 'ENOTFOUND' }, true],
    [{ code: 'EAI_AGAIN' }, true],
    [{ name: 'TimeoutError' }, true],
    [{ message: 'AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9' }, true],
    [{ message: 'Stack ECONNREFUSEDX does not exist' }, false],
    [{ $metadata: { httpStatusCode: 400 }, name: 'ValidationError' }, false],
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
