/**
 * The shapes AWS accepts for the identifiers a step or target names. ECS hands subnets and
 * security groups to EC2, whose ids are a prefix and 8 or 17 hex digits
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html); ARNs follow
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html.
 */
export const SUBNET_ID_PATTERN = /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const SECURITY_GROUP_ID_PATTERN = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const TARGET_GROUP_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:targetgroup\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?\/[0-9a-f]{16}$/;
export const LOAD_BALANCER_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:loadbalancer\/app\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?\/[0-9a-f]{16}$/;
export const EFS_FILE_SYSTEM_ID_PATTERN = /^fs-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
export const EFS_ACCESS_POINT_ID_PATTERN = /^fsap-[0-9a-f]{17}$/;
/** A listener rule (ALB) or a listener (NLB): blue/green's production and test traffic. */
export const LISTENER_RULE_ARN_PATTERN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:listener(?:-rule)?\/(?:app|net)\/[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?\/[0-9a-f]{16}\/[0-9a-f]{16}(?:\/[0-9a-f]{16})?$/;
export const DISCOVERY_SERVICE_ARN_PATTERN =
  /^arn:aws[a-z-]*:servicediscovery:[a-z]{2}(?:-[a-z]+)+-\d{1,2}:\d{12}:service\/srv-[a-z0-9]{16}$/;
export const DISCOVERY_NAMESPACE_ID_PATTERN = /^ns-[a-z0-9]{16}$/;
export const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

export interface AwsIdentifier {
  pattern: RegExp;
  /** Completes "must be …". */
  expected: string;
}

export const AWS_IDENTIFIERS = {
  subnet: { pattern: SUBNET_ID_PATTERN, expected: "a subnet id: 'subnet-' and 8 or 17 hex digits" },
  securityGroup: {
    pattern: SECURITY_GROUP_ID_PATTERN,
    expected: "a security group id: 'sg-' and 8 or 17 hex digits",
  },
  targetGroup: {
    pattern: TARGET_GROUP_ARN_PATTERN,
    expected:
      "a target group ARN 'arn:aws:elasticloadbalancing:<region>:<12 digits>:targetgroup/<name>/<16 hex digits>'",
  },
  loadBalancer: {
    pattern: LOAD_BALANCER_ARN_PATTERN,
    expected:
      "an Application Load Balancer ARN 'arn:aws:elasticloadbalancing:<region>:<12 digits>:loadbalancer/app/<name>/<16 hex digits>'",
  },
  efsFileSystem: {
    pattern: EFS_FILE_SYSTEM_ID_PATTERN,
    expected: "an EFS file system id: 'fs-' and 8 or 17 hex digits",
  },
  efsAccessPoint: {
    pattern: EFS_ACCESS_POINT_ID_PATTERN,
    expected: "an EFS access point id: 'fsap-' and 17 hex digits",
  },
  listenerRule: {
    pattern: LISTENER_RULE_ARN_PATTERN,
    expected:
      "a listener rule ARN 'arn:aws:elasticloadbalancing:<region>:<12 digits>:listener-rule/app/<name>/<16 hex>/<16 hex>/<16 hex>' (or an NLB listener ARN)",
  },
  discoveryService: {
    pattern: DISCOVERY_SERVICE_ARN_PATTERN,
    expected:
      "a Cloud Map service ARN 'arn:aws:servicediscovery:<region>:<12 digits>:service/srv-<16 characters>'",
  },
  discoveryNamespace: {
    pattern: DISCOVERY_NAMESPACE_ID_PATTERN,
    expected: "a Cloud Map namespace id: 'ns-' and 16 lower-case letters or digits",
  },
  role: {
    pattern: ROLE_ARN_PATTERN,
    expected: "an IAM role ARN 'arn:aws:iam::<12 digits>:role/<name>'",
  },
} satisfies Record<string, AwsIdentifier>;

/** The problem with an identifier's literal value, or null when AWS would accept its shape. */
export function awsIdentifierProblem(value: string, identifier: AwsIdentifier): string | null {
  return identifier.pattern.test(value) ? null : `must be ${identifier.expected}`;
}
