import { deploymentBody, parseImages, promoteBody, releaseBody } from './request-bodies';

describe('request bodies', () => {
  it.each([
    [['web=1.4.2'], { web: '1.4.2' }],
    [['web=1.4.2', 'worker=2.0.0-rc.1'], { web: '1.4.2', worker: '2.0.0-rc.1' }],
  ])('parses images %j', (pairs, images) => {
    expect(parseImages(pairs)).toEqual(images);
  });

  it.each([
    [['web'], /invalid --image 'web'/],
    [['=1.0'], /invalid --image/],
    [['web=1', 'web=2'], /container 'web' twice/],
  ])('refuses images %j', (pairs, message) => {
    expect(() => parseImages(pairs)).toThrow(message);
  });

  it.each([
    [{ image: ['web=1.4.2'] }, { images: { web: '1.4.2' } }],
    [
      { image: ['worker/app=1.4.3'], defaultTag: '1.4.2' },
      { images: { 'worker/app': '1.4.3' }, defaultTag: '1.4.2' },
    ],
    [{ defaultTag: '1.4.2' }, { images: {}, defaultTag: '1.4.2' }],
    [
      { image: ['web=1.4.2'], version: '1.4.2', channel: 'hotfix', notes: 'fix' },
      { version: '1.4.2', channel: 'hotfix', images: { web: '1.4.2' }, notes: 'fix' },
    ],
  ])('builds a release body from %j', (args, body) => {
    expect(releaseBody(args)).toEqual(body);
  });

  it('needs an image for a release', () => {
    expect(() => releaseBody({ image: [] })).toThrow(/--default-tag <tag> or at least one --image/);
  });

  it.each([
    [{}, { environment: 'test' }],
    [{ tenant: [], tenantTag: [], force: false }, { environment: 'test' }],
    [
      { tenant: ['acme', 'globex'], tenantTag: ['tier/gold'], force: true },
      { environment: 'test', tenants: ['acme', 'globex'], tenantTags: ['tier/gold'], force: true },
    ],
  ])('builds a deployment body from %j', (args, body) => {
    expect(deploymentBody('test', args)).toEqual(body);
  });

  it('builds a promotion body and refuses promoting to the same environment', () => {
    expect(promoteBody('test', 'prod', { tenant: ['acme'] })).toEqual({
      from: 'test',
      to: 'prod',
      tenants: ['acme'],
    });
    expect(() => promoteBody('prod', 'prod', {})).toThrow(/same environment/);
  });
});
