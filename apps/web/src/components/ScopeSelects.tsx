import { MultiSelect } from '@mantine/core';
import { must, Schema } from '../lib/api';
import { useSession } from '../lib/auth';
import { slugOptions } from '../lib/format';
import { useData } from '../lib/use-data';
import type { ErrorOf } from './CreateForm';

/** The projects and environments a form may limit something to (loaded once with the form's page). */
export interface ScopeChoices {
  projects: Schema<'ProjectPage'>['items'];
  environments: Schema<'EnvironmentPage'>['items'];
}

/** Loads every environment and up to 500 projects, for scope pickers. */
export function useScopeChoices(): ScopeChoices {
  const { client } = useSession();
  const environments = useData(() => must(client.GET('/api/environments', {})), []);
  const projects = useData(
    () => must(client.GET('/api/projects', { params: { query: { limit: 500 } } })),
    [],
  );
  return { projects: projects.data?.items ?? [], environments: environments.data?.items ?? [] };
}

/** Pickers for the projects and environments a freeze or subscription covers (empty: every one). */
export function ProjectAndEnvironmentSelects({
  choices,
  projectRefs,
  onProjectRefs,
  environmentRefs,
  onEnvironmentRefs,
  errorOf,
}: {
  choices: ScopeChoices;
  projectRefs: string[];
  onProjectRefs(refs: string[]): void;
  environmentRefs: string[];
  onEnvironmentRefs(refs: string[]): void;
  errorOf: ErrorOf;
}) {
  return (
    <>
      <MultiSelect
        label="Projects"
        description="Empty: every project"
        data={slugOptions(choices.projects)}
        value={projectRefs}
        onChange={onProjectRefs}
        searchable
        error={errorOf('projects')}
      />
      <MultiSelect
        label="Environments"
        description="Empty: every environment"
        data={slugOptions(choices.environments)}
        value={environmentRefs}
        onChange={onEnvironmentRefs}
        error={errorOf('environments')}
      />
    </>
  );
}
