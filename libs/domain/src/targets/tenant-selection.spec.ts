import { DomainError } from '../errors/domain-error';
import type { Tenancy } from '../lifecycle/lifecycle.types';
import {
  connectedEnvironments,
  selectDeploymentTenants,
  tenantReaches,
  type TenantCandidate,
} from './tenant-selection';

const tenant = (
  slug: string,
  tags: string[],
  connections: Record<string, string[]>,
): TenantCandidate => ({
  id: `id-${slug}`,
  slug,
  name: slug[0].toUpperCase() + slug.slice(1),
  tags,
  connections: Object.entries(connections).map(([projectId, environmentIds]) => ({
    projectId,
    environmentIds,
  })),
});

const tenants = [
  tenant('acme', ['tier/gold', 'region/eu'], { shop: ['dev', 'prod'] }),
  tenant('globex', ['tier/silver', 'region/eu'], { shop: ['prod'], blog: ['dev'] }),
  tenant('initech', ['tier/gold', 'region/us'], { shop: ['dev'] }),
  tenant('hooli', ['tier/gold'], {}),
];

const select = (
  tenancy: Tenancy,
  environmentId: string,
  requested?: string[],
  tenantTags?: string[],
) =>
  selectDeploymentTenants({
    tenancy,
    projectId: 'shop',
    environmentId,
    tenants,
    requested,
    tenantTags,
    projectName: 'Shop',
    environmentName: environmentId,
  });

const failure = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('selectDeploymentTenants', () => {
  it.each<[string, Tenancy, string, string[] | undefined, string[] | undefined, boolean, string[]]>(
    [
      ['untenanted project', 'untenanted', 'prod', undefined, undefined, true, []],
      ['untenanted project, empty lists', 'untenanted', 'prod', [], [], true, []],
      ['mixed, nothing requested: untenanted', 'mixed', 'prod', [], [], true, []],
      [
        'mixed, a tenant named: only that tenant',
        'mixed',
        'prod',
        ['acme'],
        undefined,
        false,
        ['acme'],
      ],
      [
        'tenanted, nothing requested: every connected tenant',
        'tenanted',
        'prod',
        undefined,
        undefined,
        false,
        ['acme', 'globex'],
      ],
      ['named by slug', 'tenanted', 'prod', ['globex'], undefined, false, ['globex']],
      ['named by id', 'tenanted', 'prod', ['id-globex'], undefined, false, ['globex']],
      ['named twice', 'tenanted', 'prod', ['acme', 'id-acme'], undefined, false, ['acme']],
      [
        'by tag, only connected ones',
        'tenanted',
        'prod',
        undefined,
        ['tier/gold'],
        false,
        ['acme'],
      ],
      ['by tag in dev', 'tenanted', 'dev', undefined, ['tier/gold'], false, ['acme', 'initech']],
      [
        'tags: OR within a group',
        'tenanted',
        'prod',
        undefined,
        ['tier/gold', 'tier/silver'],
        false,
        ['acme', 'globex'],
      ],
      [
        'tags: AND across groups',
        'tenanted',
        'dev',
        undefined,
        ['tier/gold', 'region/us'],
        false,
        ['initech'],
      ],
      [
        'union of names and tags, in tenant order',
        'tenanted',
        'prod',
        ['globex'],
        ['tier/gold'],
        false,
        ['acme', 'globex'],
      ],
      ['mixed with tags', 'mixed', 'dev', undefined, ['region/eu'], false, ['acme']],
    ],
  )('%s', (_case, tenancy, environmentId, requested, tenantTags, untenanted, expected) => {
    const selection = select(tenancy, environmentId, requested, tenantTags);
    expect(selection.untenanted).toBe(untenanted);
    expect(selection.tenants.map((t) => t.slug)).toEqual(expected);
  });

  it.each<[string, Tenancy, string, string[] | undefined, string[] | undefined, string, string[]]>([
    [
      'tenants on an untenanted project',
      'untenanted',
      'prod',
      ['acme'],
      ['tier/gold'],
      'validation_failed',
      [
        "tenants: project 'Shop' is untenanted: deploy without tenants",
        "tenantTags: project 'Shop' is untenanted: deploy without tenant tags",
      ],
    ],
    [
      'a named tenant not connected there',
      'tenanted',
      'dev',
      ['acme', 'globex', 'hooli'],
      undefined,
      'validation_failed',
      [
        "tenants.1: tenant 'Globex' is not connected to project 'Shop' in environment 'dev'",
        "tenants.2: tenant 'Hooli' is not connected to project 'Shop' in environment 'dev'",
      ],
    ],
    [
      'a malformed tag',
      'tenanted',
      'prod',
      undefined,
      ['gold'],
      'validation_failed',
      ["tenantTags.0: 'gold' is not a tag of the form group/value (e.g. tier/gold)"],
    ],
    [
      'tags matching nobody connected',
      'mixed',
      'prod',
      undefined,
      ['region/us'],
      'validation_failed',
      [
        "tenantTags: no tenant connected to project 'Shop' in environment 'prod' has the tags region/us",
      ],
    ],
    [
      'no tenant connected at all',
      'tenanted',
      'qa',
      undefined,
      undefined,
      'validation_failed',
      ["tenants: no tenant is connected to project 'Shop' in environment 'qa'"],
    ],
    ['an unknown tenant', 'tenanted', 'prod', ['umbrella'], undefined, 'not_found', []],
  ])('refuses %s', (_case, tenancy, environmentId, requested, tenantTags, code, errors) => {
    const error = failure(() => select(tenancy, environmentId, requested, tenantTags));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe(code);
    expect(error.errors.map((e) => `${e.path}: ${e.message}`)).toEqual(errors);
  });

  it('names the unknown tenant', () => {
    expect(failure(() => select('tenanted', 'prod', ['umbrella'])).message).toBe(
      "tenant 'umbrella' does not exist.",
    );
  });
});

describe('connectedEnvironments and tenantReaches', () => {
  it.each([
    ['shop', 'acme', ['dev', 'prod']],
    ['blog', 'globex', ['dev']],
    ['blog', 'acme', []],
  ])('project %s, tenant %s', (projectId, slug, expected) => {
    expect(
      connectedEnvironments(
        tenants.find((t) => t.slug === slug)!,
        projectId,
      ),
    ).toEqual(expected);
  });

  it('merges connection entries of one project', () => {
    const split: TenantCandidate = {
      id: 'x',
      slug: 'x',
      tags: [],
      connections: [
        { projectId: 'p', environmentIds: ['a', 'b'] },
        { projectId: 'p', environmentIds: ['b', 'c'] },
      ],
    };
    expect(connectedEnvironments(split, 'p')).toEqual(['a', 'b', 'c']);
  });

  it.each([
    ['shop', ['id-acme:Acme:dev,prod', 'id-globex:Globex:prod', 'id-initech:Initech:dev']],
    ['blog', ['id-globex:Globex:dev']],
    ['none', []],
  ])('tenantReaches for %s keeps only connected tenants', (projectId, expected) => {
    expect(
      tenantReaches(tenants, projectId).map(
        (r) => `${r.id}:${r.name}:${r.environmentIds.join(',')}`,
      ),
    ).toEqual(expected);
  });
});
