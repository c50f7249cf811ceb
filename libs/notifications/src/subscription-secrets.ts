/** What a subscription keeps sealed: the URL (Slack and many webhooks carry a token in it), the signing secret, the SMTP password. */
export interface SubscriptionSecrets {
  url?: string;
  secret?: string;
  smtpPassword?: string;
}
