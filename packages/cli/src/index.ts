/**
 * `@octopuspro/cli`: the `octopuspro` command line — the reference server on a port, webhooks forwarded to a local
 * receiver, any event caused through real API calls — and the pieces it is made of, for scripts.
 *
 * @packageDocumentation
 */

export { type TriggerResult, trigger } from './commands/trigger.js'
export {
  type TriggerContext,
  type TriggerRecipe,
  type TriggerStep,
  triggerRecipes,
} from './commands/trigger-recipes.js'
export { CliError, type CliErrorCode } from './internal/cli-error.js'
export { run } from './run.js'
