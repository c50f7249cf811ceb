import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ecsServiceStepSchema } from '@gantry/domain';
import { parseApplyFile } from './apply-file';

const example = readFileSync(join(__dirname, '../../../../docs/examples/gantry.yaml'), 'utf8');

describe('docs/examples/gantry.yaml', () => {
  const file = parseApplyFile(example);

  it('has every kind of item', () => {
    expect(
      [file.environments, file.lifecycles, file.projects, file.tenants, file.targets].map(
        (list) => list.length,
      ),
    ).toEqual([3, 2, 1, 2, 3]);
    expect(file.projects[0].channels).toHaveLength(1);
    expect(file.projects[0].variables).toHaveLength(7);
  });

  it('holds a step the API accepts', () => {
    expect(ecsServiceStepSchema.safeParse(file.projects[0].step).error).toBeUndefined();
  });
});
