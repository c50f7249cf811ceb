import { stackName, STACK_NAME_MAX_LENGTH } from './stack-name';
import { slugify } from './slug';

describe('stackName', () => {
  it.each([
    ['shop-web', 'dev', null, 'gantry-shop-web-dev'],
    ['shop-web', 'prod', 'acme', 'gantry-shop-web-prod-acme'],
  ])('names %s/%s/%s as %s', (project, environment, tenant, expected) => {
    expect(stackName(project, environment, tenant)).toBe(expected);
  });

  it('cuts long names to the CloudFormation limit and keeps them distinct', () => {
    const a = stackName('p'.repeat(60), 'e'.repeat(60), 'tenant-a'.repeat(3));
    const b = stackName('p'.repeat(60), 'e'.repeat(60), 'tenant-b'.repeat(3));
    expect(a.length).toBeLessThanOrEqual(STACK_NAME_MAX_LENGTH);
    expect(a).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(a).not.toBe(b);
  });
});

describe('slugify', () => {
  it.each([
    ['Shop Web', 'shop-web'],
    ["'; drop table", 'drop-table'],
    ['../..', ''],
    ['Café Crème', 'cafe-creme'],
  ])('slugifies %j as %j', (name, expected) => {
    expect(slugify(name)).toBe(expected);
  });
});
