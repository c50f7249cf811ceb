import { parse } from 'yaml';
import {
  canonicalize,
  fitDescription,
  measureCanonical,
  templateHash,
  toJson,
  toYaml,
} from './serialize';
import { imageTagParameterNames, pascalCase, variableParameterNames } from './parameter-names';

describe('canonical serialisation', () => {
  const a = {
    Resources: { B: { Properties: { Z: 1, A: [{ y: 1, x: 2 }] }, Type: 'T' } },
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'd',
  };
  const b = {
    Description: 'd',
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: { B: { Type: 'T', Properties: { A: [{ x: 2, y: 1 }], Z: 1 } } },
  };

  it('orders keys the same way whatever the insertion order', () => {
    expect(toJson(a)).toBe(toJson(b));
    expect(toYaml(a)).toBe(toYaml(b));
    expect(templateHash(a)).toBe(templateHash(b));
    expect(Object.keys(canonicalize(a))).toEqual([
      'AWSTemplateFormatVersion',
      'Description',
      'Resources',
    ]);
    expect(Object.keys(canonicalize(a).Resources.B)).toEqual(['Type', 'Properties']);
  });

  it('measures the JSON text of any canonical value without writing it', () => {
    const values = [
      {},
      { empty: {}, none: [], text: 'é ü 漢 😀 "quoted" \\ \n' },
      { list: [[], [1, [2, {}]], { a: null }], deep: { a: { b: { c: [true, false, 0.5] } } } },
      { Metadata: { Gantry: { projectId: 'p', deploymentId: 'd-ü' } }, Resources: {} },
      { Metadata: { Gantry: { deploymentId: 'only' } } },
    ];
    for (const value of values) {
      const canonical = canonicalize(value);
      expect(measureCanonical(canonical)).toEqual({
        hash: templateHash(canonical),
        jsonBytes: Buffer.byteLength(toJson(canonical)),
      });
    }
  });

  it('keeps array order', () => {
    expect(canonicalize({ list: [3, 1, 2] }).list).toEqual([3, 1, 2]);
  });

  it.each([
    'yes',
    'no',
    'on',
    'off',
    'true',
    '0755',
    '1e3',
    '2010-09-09',
    '12',
    'null',
    '~',
    '',
    ' lead',
    '#x',
    'a: b',
    '${AWS::Region}',
  ])('writes the string %j so YAML 1.1 and 1.2 parsers read it back as that string', (value) => {
    const yaml = toYaml({ Value: value });
    expect(parse(yaml, { version: '1.1' })).toEqual({ Value: value });
    expect(parse(yaml, { version: '1.2' })).toEqual({ Value: value });
  });

  it('writes intrinsics in long form and never folds long lines', () => {
    const long = `echo ${'x'.repeat(200)}`;
    const yaml = toYaml({
      A: { Ref: 'P' },
      B: { 'Fn::Sub': long },
      C: { 'Fn::GetAtt': ['Service', 'Name'] },
    });
    expect(yaml).toBe(
      `A:\n  Ref: P\nB:\n  Fn::Sub: ${long}\nC:\n  Fn::GetAtt:\n    - Service\n    - Name\n`,
    );
  });
});

describe('parameter names', () => {
  it.each([
    ['shop-web', 'ShopWeb'],
    ['web', 'Web'],
    ['Db.primary_host', 'DbPrimaryHost'],
    ['api-v2', 'ApiV2'],
  ])('pascalCase(%j) is %j', (name, expected) => {
    expect(pascalCase(name)).toBe(expected);
  });

  it('gives clashing names a stable hash suffix, whatever the order', () => {
    const one = variableParameterNames(
      ['Db.Password', 'db-password', 'ImageTag.Web'],
      ['ImageTagWeb'],
    );
    const two = variableParameterNames(
      ['ImageTag.Web', 'db-password', 'Db.Password'],
      ['ImageTagWeb'],
    );
    expect(one).toEqual(two);
    expect(one.get('Db.Password')).toBe('DbPassword');
    expect(one.get('db-password')).toMatch(/^DbPasswordX[0-9a-f]{8}$/);
    expect(one.get('ImageTag.Web')).toMatch(/^ImageTagWebX[0-9a-f]{8}$/);
    expect(new Set(one.values()).size).toBe(3);
  });

  it('names image tag parameters per container', () => {
    expect([...imageTagParameterNames(['shop-web', 'a-1b', 'a1b']).values()]).toEqual([
      'ImageTagShopWeb',
      'ImageTagA1b',
      expect.stringMatching(/^ImageTagA1bX[0-9a-f]{8}$/),
    ]);
  });
});

describe('fitDescription', () => {
  it.each([
    ['short', 'short'],
    ['a'.repeat(1024), 'a'.repeat(1024)],
    ['a'.repeat(1025), `${'a'.repeat(1021)}...`],
  ])('keeps a description within 1024 bytes', (text, expected) => {
    expect(fitDescription(text)).toBe(expected);
  });

  it('never cuts a character in half', () => {
    const fitted = fitDescription('😀'.repeat(300));
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1024);
    expect(fitted).toBe(`${'😀'.repeat(255)}...`);
  });
});
