import type { Db } from '@hearth/db/client'
import type { HearthEvent, JobName, JobPayload } from '@hearth/jobs'

/** What every job handler is given: the database and a way to tell open pages. */
export interface JobContext {
  db: Db
  /** Live event to the web app; best effort (the data is already committed). */
  publish(event: HearthEvent): Promise<void>
}

export interface Handler<N extends JobName> {
  run(ctx: JobContext, payload: JobPayload<N>): Promise<void>
  /** After the final attempt failed. */
  onDeadLetter?(ctx: JobContext, payload: JobPayload<N>, message: string): Promise<void>
}

/** What a `jobs/<capability>/*.handler.ts` file exports as `handlers`: the jobs it runs. */
export type HandlerSet = { [N in JobName]?: Handler<N> }
export type Handlers = { [N in JobName]: Handler<N> }
