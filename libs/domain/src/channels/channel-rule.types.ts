/** A version rule of a channel: the containers it constrains and what their tags must satisfy. */
export interface ChannelRule {
  containers: readonly string[];
  /** A semver range such as `>=1.2.0 <2.0.0`; blank means absent. */
  versionRange?: string | null;
  /** A JavaScript regular expression; blank means absent. */
  tagPattern?: string | null;
}

/** The part of a channel the rules need: its name words the violations. */
export interface ChannelWithRules {
  name: string;
  rules: readonly ChannelRule[];
}
