import { runScenario, type ScenarioInput } from './scenario.js'

// workerd: the input is a binding, the result the response to one request.
export default {
  async fetch(_request: Request, env: { SCENARIO_INPUT: string }): Promise<Response> {
    return Response.json(await runScenario(JSON.parse(env.SCENARIO_INPUT) as ScenarioInput))
  },
}
