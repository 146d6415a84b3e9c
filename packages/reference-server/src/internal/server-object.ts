import type { ReferenceServer } from '../options.js'
import { eventWaitHint } from './events/event-filter.js'
import { createApp } from './http/app.js'
import type { Runtime } from './runtime.js'

const DEFAULT_WAIT_MS = 5000

/** The app of a runtime, as the fetch function every door serves (shaped like the global `fetch`). */
export function appFetch(runtime: Runtime, app = createApp(runtime)): ReferenceServer['fetch'] {
  return async (input, init) =>
    app.fetch(input instanceof Request && init === undefined ? input : new Request(input, init))
}

/** The {@link ReferenceServer} object of a runtime, whichever door (in process or a port) serves it. */
export function serverObject(
  runtime: Runtime,
  url: string,
  fetch: ReferenceServer['fetch'],
  close: () => Promise<void>,
): ReferenceServer {
  const { engine } = runtime
  return {
    url,
    baseUrl: `${url}/v1`,
    apiKey: runtime.apiKey,
    fetch,
    clock: runtime.clock,
    deliveries: {
      waitFor: (filter, options) => engine.waitFor(filter, options),
      list: (filter) => engine.list(filter),
      idle: () => engine.idle(),
    },
    events: {
      waitFor: (filter, options = {}) =>
        runtime.events.wait(filter, options.timeout ?? DEFAULT_WAIT_MS, runtime.state.events.values(), eventWaitHint),
      list: () => runtime.state.events.values(),
    },
    faults: {
      add: (rule) => runtime.faults.add(rule),
      clear: () => runtime.faults.clear(),
    },
    reset: () => runtime.reset(),
    snapshot: () => runtime.snapshot(),
    restore: (snapshot) => runtime.restore(snapshot),
    close,
  }
}
