import { parse } from 'yaml';
import { convertStep, renderStack, templateHash, toJson, toYaml } from './index';
import { measureCanonical } from './serialize';
import { templateProblems } from '../test/cfn-schema-validator';
import {
  allOptionsOffStep,
  allOptionsOnStep,
  convertInput,
  optionVariables,
  ids,
  renderInput,
  sensitiveEverywhereStep,
  sensitiveEverywhereVariables,
  singleContainerStep,
} from '../test/fixtures';
import { golden } from '../test/golden';

const SECRETS = ['dev-password', 'pr0d-$ecret', 'opt-s3cret', 't0ken-value', 'subnet-0a0b0c0e'];
const shopTags = { 'shop-web': '1.4.0', api: '1.4.1', migrate: '1.4.1' };
const sensitive = { step: sensitiveEverywhereStep, variables: sensitiveEverywhereVariables };

function usHotfix() {
  const input = renderInput();
  return renderStack({
    ...input,
    channel: { id: ids.hotfix, slug: 'hotfix', name: 'Hotfix' },
    target: {
      id: ids.usTarget,
      slug: 'us-prod',
      name: 'US production',
      cluster: 'shop-us',
      region: 'us-east-1',
    },
  });
}

/** Every rendered fixture: its golden files are checked, and it is validated against the schemas. */
const fixtures: [string, () => { template: object }][] = [
  [
    'single-container.dev',
    () =>
      renderStack(renderInput({ step: singleContainerStep, environment: 'dev', variables: [] })),
  ],
  [
    'three-containers.prod-acme',
    () =>
      renderStack(
        renderInput({ tenant: 'acme', deploymentId: 'd0000000-0000-4000-8000-000000000001' }),
      ),
  ],
  ['three-containers.prod-globex', () => renderStack(renderInput({ tenant: 'globex' }))],
  ['three-containers.dev', () => renderStack(renderInput({ environment: 'dev' }))],
  ['three-containers.prod-us-hotfix', usHotfix],
  [
    'sensitive-everywhere.prod',
    () => renderStack(renderInput({ ...sensitive, images: { worker: '1.36' } })),
  ],
  ['converted.three-containers', () => convertStep(convertInput({ images: shopTags }))],
  [
    'converted.single-container',
    () => convertStep(convertInput({ step: singleContainerStep, variables: [] })),
  ],
  ['converted.sensitive-everywhere', () => convertStep(convertInput(sensitive))],
  [
    'all-options-off.prod',
    () => renderStack(renderInput({ step: allOptionsOffStep, variables: [] })),
  ],
  [
    'all-options-on.prod',
    () => renderStack(renderInput({ step: allOptionsOnStep, variables: optionVariables })),
  ],
  [
    'converted.all-options-on',
    () => convertStep(convertInput({ step: allOptionsOnStep, variables: optionVariables })),
  ],
];

describe.each(fixtures)('golden %s', (name, render) => {
  const { template } = render();

  it('matches the golden JSON and YAML byte for byte', () => {
    expect(toJson(template)).toBe(golden(`${name}.json.golden`, toJson(template)));
    expect(toYaml(template)).toBe(golden(`${name}.yaml.golden`, toYaml(template)));
  });

  it('measures the bytes of its JSON text and hashes it without serialising it twice', () => {
    expect(measureCanonical(template)).toEqual({
      hash: templateHash(template),
      jsonBytes: Buffer.byteLength(toJson(template)),
    });
  });

  it('is valid against the CloudFormation resource schemas', () => {
    expect(templateProblems(template as Parameters<typeof templateProblems>[0])).toEqual([]);
  });

  it('reads back from YAML equal to the JSON, with long-form intrinsics only', () => {
    const yaml = toYaml(template);
    expect(parse(yaml)).toEqual(JSON.parse(toJson(template)));
    expect(yaml).not.toMatch(/!(Ref|Sub|GetAtt)\b/);
    expect(yaml).not.toMatch(/^\s*[&*]/m);
  });

  it('leaves no #{…} reference and no secret in the template', () => {
    const json = toJson(template);
    expect(json).not.toContain('#{');
    for (const secret of SECRETS) expect(json).not.toContain(secret);
  });
});
