import { expandShortForm, parseTemplate } from './template-parser';

describe('parseTemplate', () => {
  it.each([
    ['Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Ref B\n', { Ref: 'B' }],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !GetAtt B.Arn\n',
      { 'Fn::GetAtt': ['B', 'Arn'] },
    ],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !GetAtt [B, Arn]\n',
      { 'Fn::GetAtt': ['B', 'Arn'] },
    ],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Sub "${AWS::StackName}-x"\n',
      { 'Fn::Sub': '${AWS::StackName}-x' },
    ],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Join ["-", [a, !Ref B]]\n',
      { 'Fn::Join': ['-', ['a', { Ref: 'B' }]] },
    ],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !If [C, !Ref "AWS::NoValue", 3]\n',
      { 'Fn::If': ['C', { Ref: 'AWS::NoValue' }, 3] },
    ],
    [
      'Resources:\n  A:\n    Type: X\n    Properties:\n      P: !Select\n        - 0\n        - [a, b]\n',
      { 'Fn::Select': [0, ['a', 'b']] },
    ],
    ['{"Resources":{"A":{"Type":"X","Properties":{"P":{"Ref":"B"}}}}}', { Ref: 'B' }],
  ])('%s', (body, expected) => {
    const template = parseTemplate(body);
    expect(template.Resources?.A.Properties?.P).toEqual(expected);
  });

  it.each([
    ['{"Resources": ', 'Template format error: JSON not well-formed.'],
    ['Resources:\n  A: [\n', 'Template format error: YAML not well-formed.'],
  ])('rejects %j', (body, message) => {
    expect(() => parseTemplate(body)).toThrow(message);
  });

  it.each([
    ['!Condition', 'IsProd', { Condition: 'IsProd' }],
    ['!Equals', ['a', 'b'], { 'Fn::Equals': ['a', 'b'] }],
    ['!GetAtt', 'Svc', { 'Fn::GetAtt': ['Svc'] }],
  ])('expandShortForm(%s)', (tag, value, expected) => {
    expect(expandShortForm(tag, value)).toEqual(expected);
  });
});
