type Env = Record<string, string | undefined>;

/** Build information for a release: commit, branch, repository, build URL and number. */
export interface BuildInfo {
  commit?: string;
  branch?: string;
  repository?: string;
  url?: string;
  number?: string;
}

/**
 * What the CI system running the CLI says about the build: GitHub Actions, GitLab CI or Jenkins,
 * read from their usual variables. Empty outside CI.
 */
export function buildInfoFromCi(env: Env): BuildInfo {
  if (env.GITHUB_ACTIONS === 'true') {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return compact({
      commit: env.GITHUB_SHA,
      branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
      repository: env.GITHUB_REPOSITORY,
      url:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
      number: env.GITHUB_RUN_NUMBER,
    });
  }
  if (env.GITLAB_CI === 'true')
    return compact({
      commit: env.CI_COMMIT_SHA,
      branch: env.CI_COMMIT_REF_NAME,
      repository: env.CI_PROJECT_PATH,
      url: env.CI_PIPELINE_URL ?? env.CI_JOB_URL,
      number: env.CI_PIPELINE_IID ?? env.CI_PIPELINE_ID,
    });
  if (env.JENKINS_URL || env.BUILD_URL)
    return compact({
      commit: env.GIT_COMMIT,
      branch: env.BRANCH_NAME ?? env.GIT_BRANCH,
      repository: env.GIT_URL,
      url: env.BUILD_URL,
      number: env.BUILD_NUMBER,
    });
  return {};
}

/** The options given win; the CI's variables fill the rest. Undefined when nothing is known. */
export function releaseBuildInfo(given: BuildInfo, env: Env): BuildInfo | undefined {
  const merged = compact({ ...buildInfoFromCi(env), ...compact(given) });
  return Object.keys(merged).length ? merged : undefined;
}

function compact(info: BuildInfo): BuildInfo {
  return Object.fromEntries(
    Object.entries(info).filter(([, value]) => typeof value === 'string' && value !== ''),
  );
}
