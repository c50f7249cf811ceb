import { buildProcess } from '../build-process';
import { serviceBody } from '../process.fixtures';
import { stepContainers, stepKindOf, stepsSchema, type ProcessStep } from '../step.schema';

const approval = {
  name: 'Approve production',
  kind: 'manual-intervention',
  instructions: 'Check the dashboards.',
  approvers: { roles: ['deployer'], apiKeys: ['release-manager'] },
  timeoutMinutes: 120,
  environments: ['prod'],
};

describe('the manual-intervention step kind', () => {
  it('runs once per deployment, on no target, with no container and no stack', () => {
    expect(stepKindOf('manual-intervention')).toMatchObject({
      scope: 'deployment',
      deploysStack: false,
    });
    const [step] = stepsSchema.parse([approval]);
    expect(stepContainers({ ...step, slug: 'approve-production' } as ProcessStep)).toEqual([]);
  });

  it('is a step of a process: migration, approval before production, then the services', () => {
    const built = buildProcess(
      {
        steps: stepsSchema.parse([
          { name: 'Web', kind: 'ecs-service', ...serviceBody('web') },
          approval,
          { name: 'Worker', kind: 'ecs-service', ...serviceBody('worker') },
        ]),
      },
      { existing: null, environments: [{ id: 'e-prod', slug: 'prod' }], channels: [] },
    );
    expect(built.problems).toEqual([]);
    expect(built.steps?.[1]).toMatchObject({
      slug: 'approve-production',
      kind: 'manual-intervention',
      instructions: 'Check the dashboards.',
      approvers: { roles: ['deployer'], apiKeys: ['release-manager'] },
      preventSelfApproval: false,
      timeoutMinutes: 120,
      environments: ['e-prod'],
    });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['instructions are required', { instructions: undefined }, ['0.instructions']],
    [
      'a viewer is never an approver',
      { approvers: { roles: ['viewer'] } },
      ['0.approvers.roles.0'],
    ],
    ['a service field does not belong here', { containers: [] }, ['0']],
    ['a timeout of zero minutes', { timeoutMinutes: 0 }, ['0.timeoutMinutes']],
  ])('%s', (_case, change, paths) => {
    const result = stepsSchema.safeParse([{ ...approval, ...change }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(paths);
  });
});
