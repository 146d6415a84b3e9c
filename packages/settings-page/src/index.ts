/**
 * `@octopuspro/settings-page`: the settings page "API & Webhooks Integrations" — API keys, webhook endpoints with
 * their deliveries and redelivery, integrations — as a web fetch handler, served on the same origin as the API it
 * manages. The `octopuspro-server` CLI mounts it on the reference server at `/settings`.
 *
 * @packageDocumentation
 */

export { SettingsPageError } from './errors.js'
export { type SettingsPage, type SettingsPageOptions, settingsPage, settingsPath } from './settings-page.js'
