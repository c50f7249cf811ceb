import { dependencies, topologicalOrder } from './dependency-order';

describe('dependencies', () => {
  it('collects Ref, GetAtt, Sub and DependsOn, ignoring parameters', () => {
    const deps = dependencies({
      Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { Ref: 'Name' } } },
      Role: { Type: 'AWS::IAM::Role' },
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { A: { Ref: 'Logs' }, B: { 'Fn::GetAtt': ['Role', 'Arn'] } },
      },
      Svc: {
        Type: 'AWS::ECS::Service',
        DependsOn: 'Logs',
        Properties: { T: { 'Fn::Sub': '${Task}' } },
      },
    });
    expect(deps).toEqual({ Logs: [], Role: [], Task: ['Logs', 'Role'], Svc: ['Logs', 'Task'] });
  });

  it('refuses a DependsOn naming no resource', () => {
    expect(() => dependencies({ A: { Type: 'X', DependsOn: ['Nope'] } })).toThrow(
      'Unresolved resource dependencies [Nope]',
    );
  });
});

describe('topologicalOrder', () => {
  it.each([
    [{ A: [], B: ['A'], C: ['B'] }, ['A', 'B', 'C']],
    [{ C: ['B'], B: ['A'], A: [] }, ['A', 'B', 'C']],
    [{ Svc: ['Task', 'Logs'], Task: ['Logs'], Logs: [] }, ['Logs', 'Task', 'Svc']],
    [{ X: [], Y: [] }, ['X', 'Y']],
  ])('%j', (deps, order) => {
    expect(topologicalOrder(deps)).toEqual(order);
  });

  it.each([
    [{ A: ['B'], B: ['A'] }, 'Circular dependency between resources: [A, B]'],
    [{ A: ['B'], B: ['C'], C: ['A'], D: [] }, 'Circular dependency between resources: [A, B, C]'],
  ])('refuses the cycle %j', (deps, message) => {
    expect(() => topologicalOrder(deps)).toThrow(message);
  });
});
