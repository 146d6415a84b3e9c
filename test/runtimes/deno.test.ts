import { cliRunner, describeRuntime, runtimeBinary } from './harness.js'

describeRuntime({
  name: 'Deno',
  crypto: 'node:crypto',
  // Only the permissions the scenario needs: the server's host, and the environment that holds its input.
  run: cliRunner(
    runtimeBinary('deno'),
    (file) => ['run', '--allow-net=127.0.0.1', '--allow-env', '--no-prompt', file],
    { DENO_NO_UPDATE_CHECK: '1' },
  ),
})
