// Moved to flows/digest/refresh-digest.ts; kept until handle-message.ts imports it from there.
export { requestDigestRefresh } from './digest/refresh-digest';
