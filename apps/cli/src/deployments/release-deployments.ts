import { dataOf, GantryClient, Schema } from '../client';
import type { Deployment } from './deployment.types';

/** A new release as its creation answers: the first automatic deployments and how many in all. */
export type CreatedRelease = Schema<'CreatedRelease'>;

const PAGE_SIZE = 500;

/**
 * Every deployment the new release's lifecycle queued on its own (in `environment` when given), in
 * the order they were queued. The creation answer carries the first ones and `deploymentsTotal`;
 * when that is more, they are paged from `GET /api/deployments?release=`.
 */
export async function automaticDeploymentsOf(
  client: GantryClient,
  created: CreatedRelease,
  environment?: string,
): Promise<Deployment[]> {
  if (created.deploymentsTotal <= created.deployments.length) return created.deployments;
  const newestFirst: Deployment[] = [];
  let after: string | undefined;
  do {
    const page = dataOf(
      await client.api.GET('/api/deployments', {
        params: {
          query: { release: created.id, environment, limit: PAGE_SIZE, after, count: false },
        },
      }),
    );
    newestFirst.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return newestFirst.reverse();
}
