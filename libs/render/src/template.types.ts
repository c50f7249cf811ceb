/** Any value a CloudFormation template may hold: literals, lists, maps and intrinsic functions. */
export type CfnValue = string | number | boolean | CfnValue[] | { [key: string]: CfnValue };

export interface CfnParameter {
  Type: 'String' | 'Number';
  Description: string;
  Default?: string;
  NoEcho?: boolean;
  AllowedPattern?: string;
  ConstraintDescription?: string;
}

export interface CfnResource {
  Type: string;
  DeletionPolicy?: 'Retain' | 'Delete';
  UpdateReplacePolicy?: 'Retain' | 'Delete';
  Properties: { [key: string]: CfnValue };
}

export interface CfnOutput {
  Description: string;
  Value: CfnValue;
}

/** A rendered template. Plain data: serialise it with `toJson` / `toYaml`. */
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Metadata: { Gantry: Record<string, string> };
  Parameters: Record<string, CfnParameter>;
  Resources: Record<string, CfnResource>;
  Outputs: Record<string, CfnOutput>;
}
