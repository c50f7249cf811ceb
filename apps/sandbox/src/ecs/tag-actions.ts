import type { Ecs } from './ecs';
import { EcsError, invalidParameter } from './ecs-error';

type Input = Record<string, unknown>;
type Tag = { key: string; value: string };

/** The tags of the cluster or service an ARN names (what TagResource and friends act on). */
function taggable(ecs: Ecs, input: Input): { tags: Tag[] } {
  const resourceArn = input.resourceArn;
  if (typeof resourceArn !== 'string' || !resourceArn.startsWith('arn:'))
    throw invalidParameter('resourceArn must be an ARN.');
  const resource = ecs.state.services.get(resourceArn) ?? ecs.state.clusters.get(resourceArn);
  if (!resource || resource.status === 'INACTIVE')
    throw new EcsError('ResourceNotFoundException', "The specified resource wasn't found.");
  return resource;
}

export function tagResource(ecs: Ecs, _region: string, input: Input): Input {
  const resource = taggable(ecs, input);
  const added = (input.tags as Tag[] | undefined) ?? [];
  const keys = new Set(added.map((tag) => tag.key));
  resource.tags = [...resource.tags.filter((tag) => !keys.has(tag.key)), ...added];
  return {};
}

export function untagResource(ecs: Ecs, _region: string, input: Input): Input {
  const resource = taggable(ecs, input);
  const removed = new Set((input.tagKeys as string[] | undefined) ?? []);
  resource.tags = resource.tags.filter((tag) => !removed.has(tag.key));
  return {};
}

export function listTagsForResource(ecs: Ecs, _region: string, input: Input): Input {
  return { tags: taggable(ecs, input).tags };
}
