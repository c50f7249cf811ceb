import { Injectable } from '@nestjs/common';
import { channelRuleProblems, DomainError, imageSlots } from '@gantry/domain';
import {
  ChannelEntity,
  ChannelRuleRecord,
  ChannelsRepository,
  LifecyclesRepository,
  ProjectEntity,
  ProjectsRepository,
  translateDatabaseError,
} from '@gantry/persistence';
import { slugFor } from '../http/slug';
import { withLifecycleRef, withLifecycleRefs } from '../lifecycles/with-lifecycle-ref';
import { CreateChannel, UpdateChannel } from './channels.dto';

@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly projects: ProjectsRepository,
    private readonly lifecycles: LifecyclesRepository,
  ) {}

  async create(projectRef: string, input: CreateChannel) {
    const project = await this.projects.get(projectRef);
    assertRules(input.rules, project);
    const lifecycleId = input.lifecycle ? (await this.lifecycles.get(input.lifecycle)).id : null;
    const channel = await this.channels
      .save({
        projectId: project.id,
        slug: slugFor(input),
        name: input.name,
        isDefault: input.isDefault,
        rules: input.rules,
        lifecycleId,
      })
      .catch((error) => translateDatabaseError(error, 'channel'));
    return this.present(channel);
  }

  async list(projectRef: string, limit: number, offset: number) {
    const project = await this.projects.get(projectRef);
    const [rows, total] = await this.channels.list(project.id, limit, offset);
    return { items: await withLifecycleRefs(this.lifecycles, rows), total };
  }

  async get(projectRef: string, ref: string) {
    const project = await this.projects.get(projectRef);
    return this.present(await this.channels.get(project.id, ref));
  }

  async update(projectRef: string, ref: string, input: UpdateChannel) {
    const project = await this.projects.get(projectRef);
    const channel = await this.channels.get(project.id, ref);
    if (channel.isDefault && input.isDefault === false) {
      throw new DomainError(
        'invalid_state',
        'A project always has one default channel: make another channel the default instead.',
        [{ path: 'isDefault', message: 'cannot unset the default channel' }],
      );
    }
    if (input.rules) assertRules(input.rules, project);
    const { lifecycle, ...values } = input;
    const lifecycleId =
      lifecycle === undefined
        ? channel.lifecycleId
        : lifecycle === null
          ? null
          : (await this.lifecycles.get(lifecycle)).id;
    const saved = await this.channels
      .save({ ...channel, ...values, lifecycleId })
      .catch((error) => translateDatabaseError(error, 'channel'));
    return this.present(saved);
  }

  async delete(projectRef: string, ref: string): Promise<void> {
    const project = await this.projects.get(projectRef);
    const channel = await this.channels.get(project.id, ref);
    if (channel.isDefault)
      throw new DomainError(
        'in_use',
        'The default channel cannot be deleted; make another channel the default first.',
      );
    await this.channels
      .delete(channel.id)
      .catch((error) => translateDatabaseError(error, 'channel'));
  }

  private present(channel: ChannelEntity) {
    return withLifecycleRef(this.lifecycles, channel);
  }
}

function assertRules(rules: ChannelRuleRecord[], project: ProjectEntity): void {
  const problems = channelRuleProblems(
    rules,
    imageSlots(project.steps).flatMap((slot) => [slot.label, slot.key]),
  );
  if (problems.length)
    throw new DomainError('validation_failed', 'The channel rules are invalid.', problems);
}
