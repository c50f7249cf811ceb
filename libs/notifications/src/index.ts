export * from './notification-delivery';
export * from './notification-message';
export * from './notification-publisher';
export * from './notifications.module';
export * from './senders/delivery-failed';
export * from './senders/slack.sender';
export * from './signature';
export * from './subscription-secrets';
