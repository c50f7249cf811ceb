import { convertStep, renderStack, toJson } from './index';
import { templateProblems } from '../test/cfn-schema-validator';
import { convertInput, optionSteps, optionVariables, renderInput } from '../test/fixtures';

type Template = Parameters<typeof templateProblems>[0];

describe.each(Object.entries(optionSteps))('the %s option alone', (_name, step) => {
  const rendered = renderStack(renderInput({ step, variables: optionVariables })).template;
  const converted = convertStep(convertInput({ step, variables: optionVariables })).template;

  it.each([
    ['deployment template', rendered],
    ['converted step', converted],
  ])('renders a %s valid against the CloudFormation schemas', (_kind, template) => {
    expect(templateProblems(template as Template)).toEqual([]);
    expect(toJson(template)).not.toContain('opt-s3cret');
  });
});
