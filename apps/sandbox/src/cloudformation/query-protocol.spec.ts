import { errorXml, parseQuery, responseXml, toXml } from './query-protocol';

describe('parseQuery', () => {
  it.each([
    ['Action=CreateStack&StackName=a', { Action: 'CreateStack', StackName: 'a' }],
    [
      'Parameters.member.1.ParameterKey=A&Parameters.member.1.ParameterValue=x&Parameters.member.2.ParameterKey=B&Parameters.member.2.UsePreviousValue=true',
      {
        Parameters: [
          { ParameterKey: 'A', ParameterValue: 'x' },
          { ParameterKey: 'B', UsePreviousValue: 'true' },
        ],
      },
    ],
    [
      'Capabilities.member.2=CAPABILITY_IAM&Capabilities.member.1=CAPABILITY_NAMED_IAM',
      { Capabilities: ['CAPABILITY_NAMED_IAM', 'CAPABILITY_IAM'] },
    ],
    ['Capabilities=', { Capabilities: '' }],
    ['TemplateBody=%7B%22a%22%3A1%7D', { TemplateBody: '{"a":1}' }],
  ])('%s', (body, expected) => {
    expect(parseQuery(body)).toEqual(expected);
  });
});

describe('toXml', () => {
  it.each([
    [{ A: 'x', B: undefined }, '<A>x</A>'],
    [{ L: ['a', 'b'] }, '<L><member>a</member><member>b</member></L>'],
    [{ N: { T: true, C: 3 } }, '<N><T>true</T><C>3</C></N>'],
    [{ S: '<&>' }, '<S>&lt;&amp;&gt;</S>'],
  ])('%j', (value, xml) => {
    expect(toXml(value)).toBe(xml);
  });

  it('wraps results and errors as AWS does', () => {
    expect(responseXml('DeleteStack', undefined, 'r1')).toContain('<DeleteStackResponse');
    expect(responseXml('CreateStack', { StackId: 's' }, 'r1')).toContain(
      '<CreateStackResult><StackId>s</StackId></CreateStackResult>',
    );
    expect(errorXml('ValidationError', 'bad', 'r2')).toContain(
      '<Code>ValidationError</Code><Message>bad</Message>',
    );
  });
});
