// The pagers folder's public edge: what the composition root, flows' wiring and HTTP hooks import.
export { createPagers, pagersConfigFromEnv, type PagersConfig, type PagerSet, type Unavailable } from './registry';
export { pageAll, followUpAll, calledOff, type PageAllOptions, type RetryOptions } from './page-all';
export { slackDmClient, type SlackDmClient } from './slack-dm';
export type { StepPageRequest } from './webhook';
export { emergencyKey, parseEmergencyKey } from './emergency-key';
export { sayTwiml } from './twiml';
export { verifyTwilioSignature, verifyTwilioRequest } from './verify-twilio';
export { verifyPagerDutySignature } from './verify-pagerduty';
export { verifyOpsgenieSecret, OPSGENIE_SECRET_HEADER } from './verify-opsgenie';
export { parseSmsReply, parseVoiceKeypress, parsePagerDutyWebhook, parseOpsgenieWebhook, type CallbackAction } from './callbacks';
