import {
  blueGreenPhaseLines,
  nextBlueGreenStage,
  NOTHING_REPORTED,
  revisionLabel,
  type BlueGreenReported,
  type ServiceDeploymentLook,
} from './blue-green-phases';

const revisions = { source: ':3', target: ':4', bakeTimeInMinutes: 5 };

/** Feeds looks one after another, as the worker does; returns every line logged. */
function follow(looks: ServiceDeploymentLook[]): string[] {
  let reported: BlueGreenReported = NOTHING_REPORTED;
  const out: string[] = [];
  for (const look of looks) {
    const next = blueGreenPhaseLines(reported, look, revisions);
    out.push(...next.lines.map((line) => `${line.level} ${line.message}`));
    reported = next.reported;
  }
  return out;
}

describe('blueGreenPhaseLines', () => {
  it('logs each stage once, in order, as the looks show them', () => {
    expect(
      follow([
        { status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' },
        { status: 'IN_PROGRESS', lifecycleStage: 'SCALE_UP' },
        { status: 'IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT' },
        { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' },
        { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' },
      ]),
    ).toEqual([
      'info Blue/green: preparing revision :4; production traffic stays on :3',
      'info Blue/green: starting the new revision :4 on the target group without production traffic',
      'info Blue/green: the new revision :4 is up; production traffic is still on :3',
      'info Blue/green: shifting test traffic to the new revision',
      'info Blue/green: test traffic is on revision :4',
      'info Blue/green: shifting production traffic to the new revision',
      'info Blue/green: production traffic is on revision :4',
      'info Blue/green: baking for 5 min (:3 keeps running for a rollback)',
      'info Blue/green: cleaning up: stopping the old revision :3',
      'info Blue/green: deployed: production traffic is on revision :4',
    ]);
  });

  it('logs RECONCILE_SERVICE only when a look shows it', () => {
    expect(follow([{ status: 'IN_PROGRESS', lifecycleStage: 'RECONCILE_SERVICE' }])).toEqual([
      'info Blue/green: reconciling the service revisions that are still active',
    ]);
  });

  it('says a rollback started, with its reason, and where traffic ended', () => {
    expect(
      follow([
        { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' },
        {
          status: 'ROLLBACK_IN_PROGRESS',
          lifecycleStage: 'BAKE_TIME',
          rollbackReason: 'ECS deployment circuit breaker: tasks failed to start.',
        },
        { status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME' },
        { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'BAKE_TIME' },
      ]).slice(-2),
    ).toEqual([
      'warn Blue/green: rolling back to revision :3: ECS deployment circuit breaker: tasks failed to start.',
      'warn Blue/green: rolled back: traffic is on revision :3',
    ]);
  });

  it('a rollback seen only once it ended still says why it started', () => {
    expect(
      follow([
        { status: 'IN_PROGRESS', lifecycleStage: 'BAKE_TIME' },
        { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'BAKE_TIME', rollbackReason: 'crashed' },
      ]).slice(-2),
    ).toEqual([
      'warn Blue/green: rolling back to revision :3: crashed',
      'warn Blue/green: rolled back: traffic is on revision :3',
    ]);
  });

  it('a failed rollback is an error', () => {
    expect(
      follow([{ status: 'ROLLBACK_FAILED', lifecycleStage: 'SCALE_UP', statusReason: 'boom' }]).at(
        -1,
      ),
    ).toBe('error Blue/green: rollback failed: boom');
  });
});

describe('nextBlueGreenStage', () => {
  it.each([
    ['PRE_SCALE_UP', 'SCALE_UP'],
    ['POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME'],
    ['CLEAN_UP', null],
  ] as const)('%s → %s', (stage, next) => {
    expect(nextBlueGreenStage(stage)).toBe(next);
  });
});

describe('revisionLabel', () => {
  it.each([
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:4', ':4'],
    [undefined, '?'],
  ])('%s → %s', (arn, label) => {
    expect(revisionLabel(arn)).toBe(label);
  });
});
