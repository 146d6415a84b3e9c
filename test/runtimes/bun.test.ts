import { cliRunner, describeRuntime, runtimeBinary } from './harness.js'

describeRuntime({
  name: 'Bun',
  crypto: 'node:crypto',
  run: cliRunner(runtimeBinary('bun'), (file) => [file]),
})
