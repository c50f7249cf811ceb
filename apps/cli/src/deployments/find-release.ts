import { isUuid } from '@gantry/domain';
import { dataOf, GantryClient } from '../client';
import { UsageError } from '../cli-errors';
import type { Release } from './deployment.types';

const PAGE = 100;

/**
 * The release of a project with this version (or this id), paging through the project's
 * releases newest first, so a recent version is found on the first page.
 */
export async function findRelease(
  client: GantryClient,
  project: string,
  version: string,
): Promise<Release> {
  if (isUuid(version))
    return dataOf(
      await client.api.GET('/api/releases/{id}', { params: { path: { id: version } } }),
    );
  for (let offset = 0; ; offset += PAGE) {
    const page = dataOf(
      await client.api.GET('/api/projects/{ref}/releases', {
        params: { path: { ref: project }, query: { limit: PAGE, offset } },
      }),
    );
    const found = page.items.find((release) => release.version === version);
    if (found) return found;
    if (page.items.length < PAGE || offset + PAGE >= page.total) break;
  }
  throw new UsageError(`project '${project}' has no release '${version}'`);
}
