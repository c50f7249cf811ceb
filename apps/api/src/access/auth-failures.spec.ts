import { AuthFailureLimiter } from './auth-failures';

describe('AuthFailureLimiter', () => {
  it('lets an address fail a few times, then asks it to wait until the window passes', () => {
    let now = 1_000_000;
    const limiter = new AuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
      limiter.recordFailure('1.2.3.4');
    }
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(60);
    expect(limiter.retryAfterSeconds('5.6.7.8')).toBe(0);
    now += 30_000;
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(30);
    now += 30_001;
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
  });
});
