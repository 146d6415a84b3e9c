/**
 * `@octopuspro/webhooks/testing`: helpers for your own tests — valid events of any type, signed the way
 * OctopusPro signs them, posted to your receiver.
 *
 * @packageDocumentation
 */
export { createTestEvent } from './create-test-event.js'
export { signPayload, type SignedHeaders, type SignPayloadOptions } from './sign-payload.js'
export { sendTestWebhook, type SendTestWebhookOptions } from './send-test-webhook.js'
