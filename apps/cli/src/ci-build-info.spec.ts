import { buildInfoFromCi, releaseBuildInfo } from './ci-build-info';

describe('buildInfoFromCi', () => {
  it.each([
    [
      'GitHub Actions',
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_SHA: 'abc123',
        GITHUB_REF_NAME: 'main',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '99',
        GITHUB_RUN_NUMBER: '7',
      },
      {
        commit: 'abc123',
        branch: 'main',
        repository: 'acme/shop',
        url: 'https://github.com/acme/shop/actions/runs/99',
        number: '7',
      },
    ],
    [
      'a GitHub pull request uses the head branch',
      { GITHUB_ACTIONS: 'true', GITHUB_HEAD_REF: 'feature/x', GITHUB_REF_NAME: '12/merge' },
      { branch: 'feature/x' },
    ],
    [
      'GitLab CI',
      {
        GITLAB_CI: 'true',
        CI_COMMIT_SHA: 'def456',
        CI_COMMIT_REF_NAME: 'release',
        CI_PROJECT_PATH: 'acme/shop',
        CI_PIPELINE_URL: 'https://gitlab.com/acme/shop/-/pipelines/5',
        CI_PIPELINE_IID: '5',
      },
      {
        commit: 'def456',
        branch: 'release',
        repository: 'acme/shop',
        url: 'https://gitlab.com/acme/shop/-/pipelines/5',
        number: '5',
      },
    ],
    [
      'Jenkins',
      {
        JENKINS_URL: 'https://ci.acme.test/',
        GIT_COMMIT: '0abc',
        GIT_BRANCH: 'origin/main',
        GIT_URL: 'git@github.com:acme/shop.git',
        BUILD_URL: 'https://ci.acme.test/job/shop/42/',
        BUILD_NUMBER: '42',
      },
      {
        commit: '0abc',
        branch: 'origin/main',
        repository: 'git@github.com:acme/shop.git',
        url: 'https://ci.acme.test/job/shop/42/',
        number: '42',
      },
    ],
    ['outside CI', { HOME: '/home/me' }, {}],
  ])('%s', (_name, env, expected) => {
    expect(buildInfoFromCi(env)).toEqual(expected);
  });
});

describe('releaseBuildInfo', () => {
  it('lets the options win over the CI variables', () => {
    expect(
      releaseBuildInfo(
        { commit: 'given', url: undefined },
        { GITHUB_ACTIONS: 'true', GITHUB_SHA: 'ci', GITHUB_REF_NAME: 'main' },
      ),
    ).toEqual({ commit: 'given', branch: 'main' });
  });
  it('is undefined when nothing is known', () => {
    expect(releaseBuildInfo({}, {})).toBeUndefined();
  });
});
