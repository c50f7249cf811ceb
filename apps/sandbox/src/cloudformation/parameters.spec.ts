import type { TemplateParameter } from './cfn-types';
import { maskedParameters, resolveParameters } from './parameters';

const declared: Record<string, TemplateParameter> = {
  Tag: { Type: 'String', Default: 'latest' },
  Env: { Type: 'String', AllowedValues: ['prod', 'dev'] },
  Count: { Type: 'Number', Default: 2 },
  Subnets: { Type: 'CommaDelimitedList', Default: 'a,b' },
  Password: { Type: 'String', NoEcho: true, Default: 'x' },
};

describe('resolveParameters', () => {
  it.each([
    [
      [{ ParameterKey: 'Env', ParameterValue: 'dev' }],
      { Tag: 'latest', Env: 'dev', Count: '2', Subnets: ['a', 'b'], Password: 'x' },
    ],
    [
      [
        { ParameterKey: 'Env', ParameterValue: 'prod' },
        { ParameterKey: 'Tag', UsePreviousValue: true },
      ],
      { Tag: 'v9', Env: 'prod', Count: '2', Subnets: ['a', 'b'], Password: 'x' },
    ],
  ])('%j', (input, values) => {
    const previous = [{ ParameterKey: 'Tag', ParameterValue: 'v9' }];
    const resolved = resolveParameters(declared, input, previous);
    expect(resolved.values).toEqual(values);
    expect(resolved.noEcho).toEqual(['Password']);
  });

  it.each([
    [[], 'Parameters: [Env] must have values'],
    [
      [{ ParameterKey: 'Env', ParameterValue: 'qa' }],
      "Parameter 'Env' must be one of AllowedValues",
    ],
    [
      [
        { ParameterKey: 'Env', ParameterValue: 'dev' },
        { ParameterKey: 'Count', ParameterValue: 'two' },
      ],
      "Parameter 'Count' must be a number.",
    ],
    [
      [
        { ParameterKey: 'Env', ParameterValue: 'dev' },
        { ParameterKey: 'Other', ParameterValue: '1' },
      ],
      'Parameters: [Other] do not exist in the template',
    ],
    [
      [{ ParameterKey: 'Env', UsePreviousValue: true }],
      'Cannot specify usePreviousValue as true for a parameter key not in the previous template',
    ],
  ])('refuses %j', (input, message) => {
    expect(() => resolveParameters(declared, input, [])).toThrow(message);
  });

  it('masks NoEcho values as DescribeStacks does', () => {
    const params = [
      { ParameterKey: 'Password', ParameterValue: 'x' },
      { ParameterKey: 'Tag', ParameterValue: 'v1' },
    ];
    expect(maskedParameters(params, ['Password'])).toEqual([
      { ParameterKey: 'Password', ParameterValue: '****' },
      { ParameterKey: 'Tag', ParameterValue: 'v1' },
    ]);
  });
});
