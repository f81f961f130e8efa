import type { Redis } from 'ioredis'

/**
 * Live events for the web app (server-sent events). Ids only: a browser that receives one
 * re-reads what it needs through the API, with its own access checks.
 */
export type HearthEvent =
  | { type: 'offer.created'; councilId: string; teamIds: string[]; offerId: string; openCase: boolean }
  | { type: 'referral.open_case'; councilId: string; teamIds: string[]; referralId: string }
  | { type: 'referral.unroutable'; councilId: string; teamIds: string[]; referralId: string }
  | { type: 'board.changed'; councilId: string; teamIds: string[]; familyId: string }
  | { type: 'tasks.changed'; councilId: string; teamIds: string[]; taskIds: string[] }
  | { type: 'insight.changed'; councilId: string; teamIds: string[]; requestId: string }
  | { type: 'note.finalised'; councilId: string; teamIds: string[]; familyId: string; noteId: string }
  | { type: 'plan.changed'; councilId: string; teamIds: string[]; familyId: string; itemId: string }
  | { type: 'family.said'; councilId: string; teamIds: string[]; familyId: string; messageId: string }
  | { type: 'clocks.alerted'; councilId: string; teamIds: string[]; alerts: number }
  /** A restricted record was opened by break-glass: the alerts are re-read (no ids). */
  | { type: 'break_glass.opened'; councilId: string; teamIds: string[] }
  /** Subject access requests due soon or overdue: for information governance (no team). */
  | { type: 'sar.alerted'; councilId: string; teamIds: string[]; requests: number }

export function eventsChannel(prefix: string): string {
  return `${prefix}:events`
}

export async function publishEvent(redis: Redis, prefix: string, event: HearthEvent): Promise<void> {
  await redis.publish(eventsChannel(prefix), JSON.stringify(event))
}

/** "There is new work in the outbox": lets a worker relay at once instead of at its next poll. */
export function outboxChannel(prefix: string): string {
  return `${prefix}:outbox`
}

export async function nudgeOutbox(redis: Redis, prefix: string): Promise<void> {
  await redis.publish(outboxChannel(prefix), '1')
}
