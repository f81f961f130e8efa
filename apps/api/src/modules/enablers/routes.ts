import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import {
  AskInput,
  CompleteInput,
  TaskQuery,
  TaskSetting,
  TaskSettingInput,
  TaskStats,
  TaskTypeParams,
  TaskView,
} from '@hearth/contracts/enablers'
import type { TaskType } from '@hearth/domain/admin-tasks'
import { claimTask } from './claim-task'
import { completeTask } from './complete-task'
import { getTaskStats } from './get-task-stats'
import { listFamilyTasks } from './list-family-tasks'
import { listMyRequests } from './list-my-requests'
import { listTaskQueue } from './list-task-queue'
import { releaseTask } from './release-task'
import { renderTaskLetter } from './render-task-letter'
import { requestTask } from './request-task'
import { familyOfTask } from './task-queries'
import { listTaskSettings, setTaskSetting } from './task-settings'
import { noCaseContent, type ReadAudit, readsList, readsOfFamily } from '../../kernel/reads'

const ENABLER = ['enabler'] as const
/** A letter is a file: its audit row finds the family by the task's id. */
const readsLetter: ReadAudit = {
  action: 'letter.read',
  recordType: 'admin_task',
  rows: async (request, _payload, db) => {
    const id = (request.params as { id: string }).id
    return [{ recordId: id, familyId: await familyOfTask(db, request.actor!.councilId, id) }]
  },
}
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['enablers']

/** The enablers' queue, and the practitioner's side of it. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const changed = (councilId: string, teamIds: string[], taskIds: string[]) =>
    app.events.publish({ type: 'tasks.changed', councilId, teamIds, taskIds })

  app.get(
    '/tasks',
    {
      config: {
        access: ENABLER,
        reads: readsList('task.list', 'admin_task', {
          details: (r) => ({ status: (r.query as { status?: string }).status }),
        }),
      },
      schema: {
        tags,
        summary: 'The queue: open tasks due first (lapsed claims included), mine, or done',
        querystring: TaskQuery,
        response: { 200: z.array(TaskView), ...errors },
      },
    },
    async (request) => listTaskQueue(app.deps, callerOf(request), request.query),
  )
  app.post(
    '/tasks/:id/claim',
    {
      config: { family: 'task', access: ENABLER },
      schema: {
        tags,
        summary: 'Take a task; nobody else can while you hold it (the claim lapses after two hours)',
        params: IdParams,
        response: { 200: TaskView, ...errors },
      },
    },
    async (request) => {
      const t = await claimTask(app.deps, callerOf(request), request.params.id)
      void changed(callerOf(request).councilId, [], [t.id])
      return t
    },
  )
  app.post(
    '/tasks/:id/release',
    {
      config: { family: 'task', access: ENABLER },
      schema: {
        tags,
        summary: 'Hand a task back to the queue',
        params: IdParams,
        response: { 200: TaskView, ...errors },
      },
    },
    async (request) => {
      const t = await releaseTask(app.deps, callerOf(request), request.params.id)
      void changed(callerOf(request).councilId, [], [t.id])
      return t
    },
  )
  app.post(
    '/tasks/:id/complete',
    {
      config: { family: 'task', access: ENABLER },
      schema: {
        tags,
        summary: 'Mark a task done, saying what was done (booking reference, letter sent…)',
        params: IdParams,
        body: CompleteInput,
        response: { 200: TaskView, ...errors },
      },
    },
    async (request) => {
      const { task, teamId } = await completeTask(app.deps, callerOf(request), request.params.id, request.body)
      void changed(callerOf(request).councilId, teamId ? [teamId] : [], [task.id])
      return task
    },
  )
  app.get(
    '/tasks/:id/letter',
    {
      config: { family: 'task', access: ENABLER, reads: readsLetter },
      schema: {
        tags,
        summary:
          'The letter as a PDF: a draft to check while the task is open, the letter as sent once done ' +
          '(the family link’s letter is made as it is printed, with a new address for the link)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const origin = app.deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`
      const pdf = await renderTaskLetter(app.deps, callerOf(request), request.params.id, origin)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="hearth-letter-${request.params.id.slice(0, 8)}.pdf"`)
        .send(pdf)
    },
  )

  app.post(
    '/families/:id/ask-enabler',
    {
      config: { family: 'id', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'Ask an enabler for something, in your own words',
        params: IdParams,
        body: AskInput,
        response: { 201: TaskView, ...errors },
      },
    },
    async (request, reply) => {
      const actor = callerOf(request)
      const t = await requestTask(app.deps, actor, request.params.id, request.body.request)
      void changed(actor.councilId, [], [t.id])
      reply.code(201)
      return t
    },
  )
  app.get(
    '/families/:id/tasks',
    {
      config: { family: 'id', access: ['practitioner'], reads: readsOfFamily('task.list') },
      schema: {
        tags,
        summary: 'Admin tasks for the family and where they are',
        params: IdParams,
        response: { 200: z.array(TaskView), ...errors },
      },
    },
    async (request) => {
      return listFamilyTasks(app.deps, callerOf(request), request.params.id)
    },
  )
  app.get(
    '/me/requests',
    {
      config: {
        access: ['practitioner'],
        reads: readsList('task.list', 'admin_task', { details: () => ({ view: 'my_requests' }) }),
      },
      schema: {
        tags,
        summary: 'Tasks I asked for, or that my bookings created: open, and done in the last week',
        response: { 200: z.array(TaskView), ...errors },
      },
    },
    async (request) => listMyRequests(app.deps, callerOf(request)),
  )

  app.get(
    '/tasks/stats',
    {
      config: {
        access: ['insight_adviser', 'strategy_member', 'enabler'],
        reads: noCaseContent('volumes and minutes saved by team; no family is named'),
      },
      schema: {
        tags,
        summary: 'Volumes, time to complete, overdue, and practitioner minutes saved by team and week',
        querystring: z.object({ weeks: z.coerce.number().int().min(1).max(52).default(8) }),
        response: { 200: TaskStats, ...errors },
      },
    },
    async (request) => getTaskStats(app.deps, callerOf(request), request.query.weeks),
  )

  app.get(
    '/task-settings',
    {
      config: { access: ['administrator', 'enabler'], reads: noCaseContent('the council’s task settings') },
      schema: {
        tags,
        summary: 'Due times and minutes saved per task type',
        response: { 200: z.array(TaskSetting), ...errors },
      },
    },
    async (request) => listTaskSettings(app.deps, callerOf(request)),
  )
  app.put(
    '/task-settings/:taskType',
    {
      config: { access: ['administrator'] },
      schema: {
        tags,
        summary: 'Set the council’s due time and minutes saved for a task type (new tasks only)',
        params: TaskTypeParams,
        body: TaskSettingInput,
        response: { 200: TaskSetting, ...errors },
      },
    },
    async (request) => setTaskSetting(app.deps, callerOf(request), request.params.taskType as TaskType, request.body),
  )
}
export default routes
