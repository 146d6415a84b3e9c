import type { Bench } from '../lib/bench.js'
import { bundleBench } from './bundle.js'
import { clientGetBench } from './client-get.js'
import { clientPaginateBench } from './client-paginate.js'
import { dedupeBench } from './dedupe.js'
import { deliveryFanoutBench } from './delivery-fanout.js'
import { queueBench } from './queue.js'
import { receiverHttpBench } from './receiver-http.js'
import { receiverVerifyBench } from './receiver-verify.js'
import { serverBench } from './server.js'
import { snapshotRestoreBench } from './snapshot-restore.js'

/** Every bench of issue 7, in the order `pnpm bench` runs them. */
export const benches: Bench[] = [
  receiverVerifyBench,
  receiverHttpBench,
  serverBench,
  clientGetBench,
  clientPaginateBench,
  deliveryFanoutBench,
  dedupeBench,
  queueBench,
  bundleBench,
  snapshotRestoreBench,
]
