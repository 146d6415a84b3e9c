export { type Checkpoint, memoryCheckpoint, type RedisKeyValueClient, redisCheckpoint } from './checkpoint.js'
export { type QueueDoor, type QueueWebhooksOptions, queueWebhooks } from './door.js'
export { type MemoryQueueOptions, memoryQueue } from './memory-queue.js'
export { QueueError, type QueueOperation, WebhookJobInFlightError } from './queue-errors.js'
export { type EventSource, type RecoverOptions, type RecoverResult, recover } from './recover.js'
export type {
  Inbox,
  InboxEntry,
  InboxFilter,
  InboxState,
  QueueConsumer,
  QueuedWebhook,
  QueueJobHandler,
  QueueOptions,
  WebhookQueue,
} from './types.js'
export { createWorker, type WorkerOptions } from './worker.js'
