import { DomainError } from '../errors/domain-error';
import type { ResolutionContext, VariableDefinition } from '../variables';
import { updateServiceChanges } from './update-service-changes';

const DEV = '11111111-1111-4111-8111-111111111111';
const context: ResolutionContext = {
  environmentId: DEV,
  tenantId: null,
  channelId: 'c',
  targetId: 't',
  builtIns: {
    'Gantry.Environment.Name': 'Development',
    'Gantry.Tenant.Name': '',
    'Gantry.Release.Number': '2.1.0',
    'Gantry.Project.Name': 'Legacy',
    'Gantry.Target.Name': 'Sandbox',
    'Gantry.Channel.Name': 'Default',
  },
};
const variable = (
  name: string,
  value: string,
  sensitive = false,
  environments?: string[],
): VariableDefinition => ({
  name,
  value,
  sensitive,
  scope: environments ? { environments } : {},
});
const variables = [
  variable('LogLevel', 'info'),
  variable('LogLevel', 'debug', false, [DEV]),
  variable('Db.Password', 's3cret', true),
];

describe('updateServiceChanges', () => {
  it('tags each named container and substitutes variables for the deployment', () => {
    expect(
      updateServiceChanges(
        {
          containers: { api: { image: 'legacy/api' }, worker: { image: 'legacy/worker' } },
          environment: { LOG_LEVEL: '#{LogLevel}', RELEASE: 'v#{Gantry.Release.Number}' },
        },
        { api: '2.1.0', worker: '2.1.0-rc1' },
        variables,
        context,
      ),
    ).toEqual({
      images: { api: 'legacy/api:2.1.0', worker: 'legacy/worker:2.1.0-rc1' },
      environment: { LOG_LEVEL: 'debug', RELEASE: 'v2.1.0' },
    });
  });

  it('refuses a container without a tag and a value using a sensitive variable, listing both', () => {
    let error: unknown;
    try {
      updateServiceChanges(
        { containers: { api: { image: 'legacy/api' } }, environment: { DB: 'pw=#{Db.Password}' } },
        {},
        variables,
        context,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.path)).toEqual([
      'release.images.api',
      'step.environment.DB',
    ]);
    expect((error as DomainError).message).not.toContain('s3cret');
  });

  it('names a variable the project does not have', () => {
    expect(() =>
      updateServiceChanges(
        { containers: { api: { image: 'legacy/api' } }, environment: { X: '#{Nope}' } },
        { api: '1' },
        variables,
        context,
      ),
    ).toThrow(/#\{Nope\} is not a variable of this project/);
  });
});
