import { DomainError, type EcsServiceStep, type VariableDefinition } from '@gantry/domain';
import { assertStepSavable, convertStep, renderStack } from './index';
import { renderInput } from '../test/fixtures';
import { base, checkCases, variable } from '../test/check-cases';

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const render = (
  step: EcsServiceStep,
  variables: VariableDefinition[],
  images?: Record<string, string>,
) => {
  const input = renderInput({ variables });
  return renderStack({
    ...input,
    release: { ...input.release, step, images: images ?? { web: '1.0.0', worker: '1.0.0' } },
  });
};

const broken = (mutate: (step: EcsServiceStep) => void): EcsServiceStep => {
  const step = structuredClone(base);
  mutate(step);
  return step;
};

describe('render checks (422 before anything is sent)', () => {
  it('accepts the base step', () => {
    expect(() => render(base, [])).not.toThrow();
  });

  it.each(checkCases)('refuses %s', (_title, mutate, variables, code, paths) => {
    const error = failure(() => render(broken(mutate), variables));
    expect({ code: error.code, paths: error.errors.map((item) => item.path) }).toEqual({
      code,
      paths,
    });
    expect(error.errors.every((item) => item.message.length > 0)).toBe(true);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a missing image tag', { web: '1.0.0' }, ['release.images.worker']],
    ['an invalid image tag', { web: '1.0.0', worker: 'sha256:abc' }, ['release.images.worker']],
  ])('refuses %s', (_title, images, paths) => {
    const error = failure(() => render(base, [], images));
    expect(error.code).toBe('render_check_failed');
    expect(error.errors.map((item) => item.path)).toEqual(paths);
  });

  it('lists every problem at once, with render_check_failed when more than the Fargate pair is wrong', () => {
    const step = broken((s) => {
      s.task.memory = '4096';
      s.containers.forEach((c) => (c.essential = false));
      s.service.desiredCount = '#{Count}';
    });
    const error = failure(() => render(step, [variable('Count', 'many')]));
    expect(error.code).toBe('render_check_failed');
    expect(error.errors.map((item) => item.path)).toEqual([
      'step.task.memory',
      'step.service.desiredCount',
      'step.containers',
    ]);
    expect(error.message).toContain(
      'step.task.memory: Fargate does not accept memory 4096 with cpu 256',
    );
  });

  it('never shows a sensitive value in a message', () => {
    const error = failure(() =>
      render(
        broken((s) => (s.service.desiredCount = '#{Count}')),
        [variable('Count', 'hunter2', true)],
      ),
    );
    expect(error.errors).toEqual([
      {
        path: 'step.service.desiredCount',
        message: 'must be a whole number from 0 to 5000 after substitution, got a sensitive value',
      },
    ]);
    expect(error.message).not.toContain('hunter2');
  });

  it('runs the same checks on the converted step, skipping values known only at deploy time', () => {
    const project = { id: 'p', slug: 'p', name: 'P' };
    const unknown = broken((s) => (s.task.memory = '#{Mem}'));
    const scopedOnly = [
      { name: 'Mem', value: '4096', sensitive: false, scope: { environments: ['e'] } },
    ];
    expect(() => convertStep({ project, step: unknown, variables: scopedOnly })).not.toThrow();
    const error = failure(() =>
      convertStep({ project, step: unknown, variables: [variable('Mem', '4096')] }),
    );
    expect({ code: error.code, paths: error.errors.map((item) => item.path) }).toEqual({
      code: 'fargate_size_invalid',
      paths: ['step.task.memory'],
    });
  });
});

describe('assertStepSavable (the same checks when a project is saved)', () => {
  const savable = checkCases.filter(([, , variables]) => variables.length === 0);
  const needValues = checkCases.filter(([, , variables]) => variables.length > 0);

  it.each(savable)(
    'refuses %s with the render error',
    (_title, mutate, _variables, code, paths) => {
      const error = failure(() => assertStepSavable(broken(mutate)));
      expect({ code: error.code, paths: error.errors.map((item) => item.path) }).toEqual({
        code,
        paths,
      });
    },
  );

  it.each(needValues)('lets %s through: only a value would break it', (_title, mutate) => {
    expect(() => assertStepSavable(broken(mutate))).not.toThrow();
  });

  it('accepts a step without roles that logs with awslogs (the stack creates the role)', () => {
    const step = broken((s) => delete s.task.executionRoleArn);
    expect(() => assertStepSavable(step)).not.toThrow();
    expect(() => render(step, [])).not.toThrow();
  });
});
