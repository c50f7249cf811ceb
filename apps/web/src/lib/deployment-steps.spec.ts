import { linesOfStep, stepGroups, stepOfLine } from './deployment-steps';

const step = (slug: string, parallelWithPrevious = false) => ({ slug, parallelWithPrevious });

describe('stepGroups (the deployment page shows parallel steps together)', () => {
  it('puts a step running with the previous one into its group', () => {
    const groups = stepGroups([
      step('migrate'),
      step('web'),
      step('worker', true),
      step('cron', true),
      step('smoke'),
    ]);
    expect(groups.map((group) => group.map((s) => s.slug))).toEqual([
      ['migrate'],
      ['web', 'worker', 'cron'],
      ['smoke'],
    ]);
  });

  it('starts a group with the first step even when it says parallel, and has none for no steps', () => {
    expect(stepGroups([step('web', true), step('worker', true)])).toEqual([
      [step('web', true), step('worker', true)],
    ]);
    expect(stepGroups([])).toEqual([]);
  });
});

describe('stepOfLine and linesOfStep (the log filtered by step)', () => {
  it.each([
    ['[web/eu-sandbox] CREATE_COMPLETE', 'web'],
    ['[approve-prod] Waiting for approval', 'approve-prod'],
    ['[prod-smoke] Skipped: it runs only in prod.', 'prod-smoke'],
    ['Deployment started by alice', null],
    ['[not a step] text', null],
    ['[web]no space', null],
  ])('%p belongs to step %p', (message, expected) => {
    expect(stepOfLine(message)).toBe(expected);
  });

  it('keeps only the step’s lines, or every line without a step', () => {
    const lines = [
      { seq: 1, message: 'Deployment started' },
      { seq: 2, message: '[web/t1] rendered' },
      { seq: 3, message: '[worker/t1] rendered' },
      { seq: 4, message: '[web] Step done' },
    ];
    expect(linesOfStep(lines, 'web').map((line) => line.seq)).toEqual([2, 4]);
    expect(linesOfStep(lines, null)).toBe(lines);
    expect(linesOfStep(lines, 'smoke')).toEqual([]);
  });
});
