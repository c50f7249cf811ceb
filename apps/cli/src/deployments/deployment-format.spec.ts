import { deploymentLabel, deploymentRow, duration, formatLogLine } from './deployment-format';
import type { Deployment } from './deployment.types';

const base: Deployment = {
  id: 'd1',
  release: { id: 'r1', version: '1.4.2' },
  project: { id: 'p1', slug: 'shop-web' },
  environment: { id: 'e1', slug: 'prod' },
  tenant: null,
  status: 'succeeded',
  forced: false,
  cancelRequested: false,
  createdBy: 'ci',
  targets: [],
  steps: [],
  createdAt: '2026-01-01T09:59:58Z',
  startedAt: '2026-01-01T10:00:00Z',
  finishedAt: '2026-01-01T10:01:05Z',
};

describe('deployment formatting', () => {
  it.each([
    [base, 'prod'],
    [{ ...base, tenant: { id: 't1', slug: 'acme' } }, 'acme/prod'],
  ])('labels %#', (deployment, label) => {
    expect(deploymentLabel(deployment)).toBe(label);
  });

  it.each([
    [
      {
        seq: 1,
        at: '2026-01-01T10:00:03.120Z',
        level: 'info',
        source: 'cloudformation',
        message: 'CREATE_IN_PROGRESS Service',
      },
      '[prod] 10:00:03 cloudformation: CREATE_IN_PROGRESS Service',
    ],
    [
      {
        seq: 2,
        at: '2026-01-01T10:00:04Z',
        level: 'error',
        source: 'ecs',
        message: 'task stopped',
      },
      '[prod] 10:00:04 ERROR ecs: task stopped',
    ],
  ])('formats log line %#', (line, text) => {
    expect(formatLogLine(base, line)).toBe(text);
  });

  it.each([
    ['2026-01-01T10:00:00Z', '2026-01-01T10:01:05Z', '1m05s'],
    ['2026-01-01T10:00:00Z', '2026-01-01T10:00:09Z', '9s'],
    ['2026-01-01T10:00:00Z', null, ''],
    [undefined, '2026-01-01T10:00:00Z', ''],
  ])('duration from %p to %p is %p', (start, end, text) => {
    expect(duration(start, end)).toBe(text);
  });

  it('builds a summary row', () => {
    expect(
      deploymentRow({
        ...base,
        tenant: { id: 't1', slug: 'acme' },
        status: 'failed',
        error: 'circuit breaker',
      }),
    ).toEqual(['d1', 'shop-web', '1.4.2', 'prod', 'acme', 'failed', '1m05s', 'circuit breaker']);
  });
});
