import type { CfnValue } from './template.types';

export const ref = (name: string): CfnValue => ({ Ref: name });

export const getAtt = (logicalId: string, attribute: string): CfnValue => ({
  'Fn::GetAtt': [logicalId, attribute],
});

export const sub = (text: string): CfnValue => ({ 'Fn::Sub': text });

/** Literal text inside `Fn::Sub`: `${` must be written `${!` so CloudFormation leaves it alone. */
export function escapeSub(text: string): string {
  return text.replace(/\$\{/g, '${!');
}
