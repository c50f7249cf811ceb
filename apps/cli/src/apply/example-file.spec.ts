import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { channelRuleViolations, ecsServiceStepSchema } from '@gantry/domain';
import { parseApplyFile } from './apply-file';

const example = readFileSync(join(__dirname, '../../../../docs/examples/gantry.yaml'), 'utf8');

describe('docs/examples/gantry.yaml', () => {
  const file = parseApplyFile(example);

  it('has every kind of item', () => {
    expect(
      [file.environments, file.lifecycles, file.projects, file.tenants, file.targets].map(
        (list) => list.length,
      ),
    ).toEqual([3, 2, 1, 2, 2]);
    expect(file.projects[0].channels).toHaveLength(1);
    expect(file.projects[0].variables).toHaveLength(7);
  });

  it('deploys offline: every target is a sandbox cluster', () => {
    expect(file.targets.map((target) => target.credentials)).toEqual([
      { type: 'sandbox' },
      { type: 'sandbox' },
    ]);
  });

  it('has a Hotfix channel that accepts the hotfix tag of the README, and not a plain release', () => {
    const rules = file.projects[0].channels?.[0].rules as Parameters<
      typeof channelRuleViolations
    >[0];
    const images = (tag: string) => ({ web: tag, migrate: tag });
    expect(channelRuleViolations(rules, images('1.4.3-hotfix.1'))).toEqual([]);
    expect(channelRuleViolations(rules, images('1.4.3'))).not.toEqual([]);
  });

  it('holds a step the API accepts', () => {
    expect(ecsServiceStepSchema.safeParse(file.projects[0].step).error).toBeUndefined();
  });
});
