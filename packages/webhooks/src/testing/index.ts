/**
 * `@octopuspro/webhooks/testing`: helpers for your own tests — valid events of any type, signed the way
 * OctopusPro signs them, posted to your receiver.
 *
 * @packageDocumentation
 */
export { createTestEvent } from './create-test-event.js'
export { type SendTestWebhookOptions, sendTestWebhook } from './send-test-webhook.js'
export { type SignedHeaders, type SignPayloadOptions, signPayload } from './sign-payload.js'
