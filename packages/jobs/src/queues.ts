/**
 * One BullMQ prefix with a Redis Cluster hash tag, so each queue's keys live on one node.
 * Queue names are plain words; the prefix carries the tag.
 */
export const QUEUE_PREFIX = '{hearth}'

export const QUEUES = {
  /** Work that leaves the practitioner: exports, notifications, routing (later issues). */
  default: 'hearth-default',
  /** Referral routing: kept apart so a backlog of exports never delays a family reaching a team. */
  routing: 'hearth-routing',
} as const
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]

/** Retries with exponential back-off; after the last attempt the job stays in BullMQ's failed set: the dead-letter list. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
}
