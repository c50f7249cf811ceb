import { diagnoseFailure, type StackEventFact, type StoppedTaskFact } from './failure-diagnosis';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));
const TD = (revision: number) =>
  `arn:aws:ecs:eu-west-1:123456789012:task-definition/gantry-shop-dev:${revision}`;
const pull = 'CannotPullContainerError: pull image manifest has been retried 7 time(s)';

/** An update that registered revision 3 at second 2 and rolled back (to revision 2) at second 20. */
const failedUpdate: StackEventFact[] = [
  {
    logicalId: 'gantry-shop-dev',
    resourceType: 'AWS::CloudFormation::Stack',
    status: 'UPDATE_IN_PROGRESS',
    timestamp: at(1),
  },
  {
    logicalId: 'TaskDefinition',
    resourceType: 'AWS::ECS::TaskDefinition',
    status: 'UPDATE_COMPLETE',
    physicalId: TD(3),
    timestamp: at(2),
  },
  {
    logicalId: 'LogGroup',
    resourceType: 'AWS::Logs::LogGroup',
    status: 'UPDATE_FAILED',
    reason: 'Resource update cancelled',
    timestamp: at(18),
  },
  {
    logicalId: 'Service',
    resourceType: 'AWS::ECS::Service',
    status: 'UPDATE_FAILED',
    reason: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
    timestamp: at(19),
  },
  {
    logicalId: 'gantry-shop-dev',
    resourceType: 'AWS::CloudFormation::Stack',
    status: 'UPDATE_ROLLBACK_IN_PROGRESS',
    timestamp: at(20),
  },
  {
    logicalId: 'TaskDefinition',
    resourceType: 'AWS::ECS::TaskDefinition',
    status: 'UPDATE_COMPLETE',
    physicalId: TD(2),
    timestamp: at(21),
  },
];

const task = (id: string, revision: number, fields: Partial<StoppedTaskFact>): StoppedTaskFact => ({
  taskArn: `arn:aws:ecs:eu-west-1:123456789012:task/c/${id}`,
  taskDefinitionArn: TD(revision),
  containers: [],
  ...fields,
});
const pulled = (id: string) =>
  task(id, 3, {
    stopCode: 'TaskFailedToStart',
    stoppedReason: pull,
    containers: [
      { name: 'web', reason: pull },
      { name: 'worker', reason: pull },
    ],
  });
const crashed = (id: string) =>
  task(id, 2, {
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: [{ name: 'web', exitCode: 1 }],
  });

describe('diagnoseFailure', () => {
  const diagnosis = diagnoseFailure({
    stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
    events: failedUpdate,
    serviceEvents: [
      { message: '(service gantry-shop-dev) has reached a steady state.', createdAt: at(30) },
      {
        message: '(service gantry-shop-dev) rolling back to deployment ecs-svc/2.',
        createdAt: at(19),
      },
      {
        message: '(service gantry-shop-dev) deployment failed: tasks failed to start.',
        createdAt: at(18),
      },
      { message: '(service gantry-shop-dev) has started 1 tasks: (task p1).', createdAt: at(5) },
      { message: '(service gantry-shop-dev) has started 1 tasks: (task c1).', createdAt: at(0) },
    ],
    stoppedTasks: [
      pulled('p3'),
      crashed('c2'),
      pulled('p2'),
      task('old', 2, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity' }),
      crashed('c1'),
      pulled('p1'),
    ],
    essentialContainers: ['web'],
  });

  it("sums up this deployment's tasks in one short line: the pull error, not the earlier crash", () => {
    expect(diagnosis.summary).toBe(`UPDATE_ROLLBACK_COMPLETE: 3 task(s) stopped: ${pull}`);
    expect(diagnosis.summary.length).toBeLessThanOrEqual(200);
  });

  it("details every own task's essential containers, the failed resource and the rollout's service events only", () => {
    expect(diagnosis.details.split('\n')).toEqual([
      'Stack ended in UPDATE_ROLLBACK_COMPLETE.',
      "Service (AWS::ECS::Service) UPDATE_FAILED: Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
      `Task p3 TaskFailedToStart: ${pull}; essential containers: web exit code none (${pull})`,
      `Task p2 TaskFailedToStart: ${pull}; essential containers: web exit code none (${pull})`,
      `Task p1 TaskFailedToStart: ${pull}; essential containers: web exit code none (${pull})`,
      'Service event: (service gantry-shop-dev) has started 1 tasks: (task p1).',
      'Service event: (service gantry-shop-dev) deployment failed: tasks failed to start.',
      'Service event: (service gantry-shop-dev) rolling back to deployment ecs-svc/2.',
    ]);
  });

  it('names exit codes in the summary when containers crashed', () => {
    const crash = diagnoseFailure({
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      events: failedUpdate.map((event) =>
        event.physicalId === TD(3) ? { ...event, physicalId: TD(2) } : event,
      ),
      serviceEvents: [],
      stoppedTasks: [crashed('c1'), crashed('c2')],
      essentialContainers: ['web'],
    });
    expect(crash.summary).toBe(
      'UPDATE_ROLLBACK_COMPLETE: 2 task(s) stopped: Essential container in task exited (web exit code 1)',
    );
  });

  it('without a known task definition, keeps tasks created since the operation began', () => {
    const early = diagnoseFailure({
      stackStatus: 'ROLLBACK_COMPLETE',
      events: failedUpdate.filter((event) => event.resourceType !== 'AWS::ECS::TaskDefinition'),
      serviceEvents: [],
      stoppedTasks: [
        { ...crashed('before'), createdAt: at(0) },
        { ...pulled('after'), createdAt: at(3) },
      ],
      essentialContainers: [],
    });
    expect(early.details).toContain('Task after');
    expect(early.details).not.toContain('Task before');
  });

  it('still says something when nothing else is known', () => {
    expect(
      diagnoseFailure({
        stackStatus: 'ROLLBACK_COMPLETE',
        events: [],
        serviceEvents: [],
        stoppedTasks: [],
        essentialContainers: [],
      }),
    ).toEqual({
      summary: 'Stack ended in ROLLBACK_COMPLETE.',
      details: 'Stack ended in ROLLBACK_COMPLETE.',
    });
  });
});
