import { MAX_TEMPLATE_BODY_BYTES, templateSizeError } from './template-size';

const place = { stack: 'gantry-shop-dev', environment: 'dev' };

describe('templateSizeError', () => {
  it.each<[string, number, boolean]>([
    ['well under', 10_000, false],
    ['exactly the limit', MAX_TEMPLATE_BODY_BYTES, false],
    ['one byte over', MAX_TEMPLATE_BODY_BYTES + 1, true],
  ])('%s', (_case, bytes, refused) => {
    expect(templateSizeError(bytes, place, []) !== null).toBe(refused);
  });

  it('names the three heaviest variables, largest first, and the place', () => {
    const error = templateSizeError(60_000, { ...place, tenant: 'acme' }, [
      { name: 'Small', bytes: 10 },
      { name: 'Big', bytes: 40_000 },
      { name: 'None', bytes: 0 },
      { name: 'Mid', bytes: 9_000 },
      { name: 'Less', bytes: 5_000 },
    ]);
    expect(error).toMatchObject({
      code: 'template_too_large',
      message:
        "The template for stack gantry-shop-dev (environment 'dev', tenant 'acme') is 60,000 bytes; CloudFormation takes at most 51,200 bytes in a TemplateBody. The largest variable values: #{Big} 40,000 bytes, #{Mid} 9,000 bytes, #{Less} 5,000 bytes.",
      details: { bytes: 60_000, limit: 51_200, stack: 'gantry-shop-dev', tenant: 'acme' },
    });
    expect(error?.errors.map((e) => e.path)).toEqual([
      'variables.Big',
      'variables.Mid',
      'variables.Less',
    ]);
  });

  it('says "at least" for a bound known before the template is built', () => {
    expect(
      templateSizeError(80_000, place, [{ name: 'Big', bytes: 80_000 }], true)?.message,
    ).toContain('is at least 80,000 bytes;');
  });

  it('names the step when no variable weighs a kibibyte', () => {
    expect(templateSizeError(52_000, place, [{ name: 'Tiny', bytes: 1_023 }])?.errors).toEqual([
      { path: 'step', message: 'renders to 52,000 bytes (at most 51,200 bytes)' },
    ]);
  });
});
