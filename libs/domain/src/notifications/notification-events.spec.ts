import { subscriptionWants } from './notification-events';

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
