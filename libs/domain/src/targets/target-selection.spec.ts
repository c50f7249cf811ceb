import { DomainError } from '../errors/domain-error';
import {
  requireTargets,
  selectTargets,
  targetAcceptsTenant,
  type TargetCandidate,
  type TenantedMode,
} from './target-selection';

const target = (
  id: string,
  tenantedMode: TenantedMode | undefined,
  tenantIds: string[] = [],
  environmentIds = ['prod'],
  tags = ['web'],
): TargetCandidate => ({
  id,
  name: id.toUpperCase(),
  environmentIds,
  tags,
  tenantedMode,
  tenantIds,
});

describe('targetAcceptsTenant', () => {
  it.each<[TenantedMode | undefined, string[], string | null, boolean]>([
    [undefined, [], null, true],
    [undefined, [], 'acme', false],
    ['untenanted', [], null, true],
    ['untenanted', ['acme'], 'acme', false],
    ['tenanted', [], null, false],
    ['tenanted', [], 'acme', true],
    ['tenanted', ['acme'], 'acme', true],
    ['tenanted', ['acme'], 'globex', false],
    ['mixed', [], null, true],
    ['mixed', [], 'acme', true],
    ['mixed', ['acme'], 'acme', true],
    ['mixed', ['acme'], 'globex', false],
    ['mixed', ['acme'], null, true],
  ])('mode %s with tenants %j takes %j: %s', (mode, tenantIds, tenantId, expected) => {
    expect(targetAcceptsTenant(target('t', mode, tenantIds), tenantId)).toBe(expected);
  });
});

describe('selectTargets', () => {
  const targets = [
    target('shared', 'untenanted'),
    target('acme-only', 'tenanted', ['acme']),
    target('any-tenant', 'tenanted'),
    target('mixed-acme', 'mixed', ['acme']),
    target('other-env', 'mixed', [], ['dev']),
    target('other-tag', 'mixed', [], ['prod'], ['api']),
    target('two-tags', undefined, [], ['prod', 'dev'], ['batch', 'web']),
  ];
  it.each<[string, string, string | null, string[], string[]]>([
    ['untenanted in prod', 'prod', null, ['web'], ['shared', 'mixed-acme', 'two-tags']],
    ['tenant acme in prod', 'prod', 'acme', ['web'], ['acme-only', 'any-tenant', 'mixed-acme']],
    ['tenant globex in prod', 'prod', 'globex', ['web'], ['any-tenant']],
    ['untenanted in dev', 'dev', null, ['web'], ['other-env', 'two-tags']],
    ['another tag', 'prod', null, ['api'], ['other-tag']],
    ['any of several project tags', 'prod', null, ['api', 'batch'], ['other-tag', 'two-tags']],
    ['no project tags', 'prod', null, [], []],
    ['unknown environment', 'qa', null, ['web'], []],
  ])('%s', (_case, environmentId, tenantId, targetTags, expected) => {
    expect(
      selectTargets(targets, { environmentId, tenantId, targetTags }).map((t) => t.id),
    ).toEqual(expected);
  });
});

describe('requireTargets', () => {
  const targets = [target('shared', 'untenanted'), target('acme-only', 'tenanted', ['acme'])];
  it('returns the matches', () => {
    expect(
      requireTargets(targets, { environmentId: 'prod', tenantId: 'acme', targetTags: ['web'] }).map(
        (t) => t.id,
      ),
    ).toEqual(['acme-only']);
  });

  it.each<[string, string, string | null, string[], string]>([
    [
      'nothing in the environment',
      'qa',
      null,
      ['web'],
      "No ECS cluster target is in environment 'QA', carries one of the tags 'web' and takes untenanted deployments.",
    ],
    [
      'no project tags',
      'prod',
      null,
      [],
      "No ECS cluster target is in environment 'PROD', carries a target tag (the project has none) and takes untenanted deployments.",
    ],
    [
      'tenancy excludes them',
      'prod',
      'globex',
      ['web', 'api'],
      "No ECS cluster target is in environment 'PROD', carries one of the tags 'web', 'api' and takes tenant 'Globex'. 'SHARED', 'ACME-ONLY' are in that environment with those tags but do not take tenant 'Globex'.",
    ],
  ])('explains %s', (_case, environmentId, tenantId, targetTags, message) => {
    let error: unknown;
    try {
      requireTargets(targets, {
        environmentId,
        tenantId,
        targetTags,
        environmentName: environmentId.toUpperCase(),
        tenantName: 'Globex',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'no_matching_target',
      message,
      details: { environmentId, tenantId, targetTags },
    });
  });

  it('words a single near miss in the singular', () => {
    expect(() =>
      requireTargets([target('shared', 'untenanted')], {
        environmentId: 'prod',
        tenantId: 'acme',
        targetTags: ['web'],
      }),
    ).toThrow("'SHARED' is in that environment with those tags but does not take tenant 'acme'.");
  });
});
