import { retryAttempts, retryDelay, subscriptionWants } from './notification-events';

const all = {
  events: ['deployment.failed', 'release.created'],
  projectIds: [],
  environmentIds: [],
  tenantTags: [],
};

describe('subscriptionWants', () => {
  const failedInProd = {
    event: 'deployment.failed' as const,
    projectId: 'shop',
    environmentId: 'prod',
    tenantTags: ['tier/gold', 'region/eu'],
  };
  it.each([
    ['no filters, a subscribed event', all, failedInProd, true],
    [
      'an event not subscribed to',
      { ...all, events: ['deployment.succeeded'] },
      failedInProd,
      false,
    ],
    ['another project', { ...all, projectIds: ['api'] }, failedInProd, false],
    ['its environment', { ...all, environmentIds: ['prod'] }, failedInProd, true],
    ['another environment', { ...all, environmentIds: ['dev'] }, failedInProd, false],
    [
      'tenant tags it carries',
      { ...all, tenantTags: ['tier/gold', 'tier/silver'] },
      failedInProd,
      true,
    ],
    ['tenant tags it lacks', { ...all, tenantTags: ['tier/silver'] }, failedInProd, false],
    [
      'a tag filter and an untenanted deployment',
      { ...all, tenantTags: ['tier/gold'] },
      { ...failedInProd, tenantTags: null },
      false,
    ],
    [
      'a release event ignores environment and tag filters',
      { ...all, environmentIds: ['prod'], tenantTags: ['tier/gold'] },
      {
        event: 'release.created' as const,
        projectId: 'shop',
        environmentId: null,
        tenantTags: null,
      },
      true,
    ],
  ])('%s', (_name, subscription, scope, expected) => {
    expect(subscriptionWants(subscription, scope)).toBe(expected);
  });
});

describe('retry schedule', () => {
  it.each([
    [1, 1000, 1000],
    [2, 1000, 2000],
    [5, 1000, 16000],
    [30, 1000, 3_600_000],
  ])('after %i failed attempt(s) with base %i ms: %i ms', (attemptsMade, base, expected) => {
    expect(retryDelay(attemptsMade, base, 3_600_000)).toBe(expected);
  });

  it.each([
    ['a day with a 30 s base and an hour cap', 30_000, 3_600_000, 86_400_000, 30],
    ['a window shorter than the first delay: one attempt', 1000, 1000, 500, 1],
    ['three attempts fit 10 + 20 ms', 10, 1000, 30, 3],
  ])('%s', (_name, base, cap, window, attempts) => {
    expect(retryAttempts(base, cap, window)).toBe(attempts);
  });
});
