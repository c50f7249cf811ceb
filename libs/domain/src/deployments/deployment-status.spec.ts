import {
  DEPLOYMENT_STATUSES,
  FINAL_DEPLOYMENT_STATUSES,
  isFinalDeploymentStatus,
  isFinalTargetStatus,
} from './deployment-status';

describe('deployment statuses', () => {
  it.each([
    ['queued', false],
    ['running', false],
    ['waiting', false],
    ['succeeded', true],
    ['failed', true],
    ['cancelled', true],
    ['unknown', false],
  ])('%s is final: %s', (status, final) => {
    expect(isFinalDeploymentStatus(status)).toBe(final);
  });

  it.each([
    ['rendered', false],
    ['change-set', false],
    ['executing', false],
    ['succeeded', true],
    ['no-changes', true],
    ['failed', true],
    ['cancelled', true],
  ])('target status %s is final: %s', (status, final) => {
    expect(isFinalTargetStatus(status)).toBe(final);
  });

  it('every final status is a deployment status', () => {
    expect(DEPLOYMENT_STATUSES).toEqual(expect.arrayContaining([...FINAL_DEPLOYMENT_STATUSES]));
  });
});
