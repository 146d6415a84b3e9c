import { runScenario, type ScenarioInput } from './scenario.js'

// Bun and Deno: the input comes in an environment variable, the result goes to stdout as one JSON line.
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env
const input = JSON.parse(env?.SCENARIO_INPUT ?? '') as ScenarioInput
console.log(JSON.stringify(await runScenario(input)))
