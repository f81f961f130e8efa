import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBody, IdParams, Ok } from '@hearth/contracts/common'
import {
  RecordExportFileParams,
  RecordExportView,
  RedactionBulkDecision,
  RedactionDecision,
  SarCreate,
  SarFamilyQuery,
  SarFamilyView,
  SarList,
  SarRedactionList,
  SarPeopleQuery,
  SarPeopleView,
  SarPreview,
  SarSent,
  SarView,
} from '@hearth/contracts/records'
import { z } from 'zod'
import { type ReadAudit, readsList, readsOfFamily, readsRecord } from '../../kernel/reads'
import { findSarPeople } from './find-sar-people'
import { getSarPreview } from './get-sar-preview'
import { exportFile, visibleExport } from './get-record-export'
import { exportView, familyOfExport, myRecordExports, startRecordExport } from './record-exports'
import { createSar } from './create-sar'
import { decideAlike, decideRedaction } from './decide-sar-redactions'
import { sarFamily } from './find-sar-family'
import { sarRedactionList } from './list-sar-redactions'
import { listSars } from './list-sars'
import { markSarSent } from './mark-sar-sent'
import { produceSar, retrySar } from './produce-sar'
import { sarView } from './sar-queries'

const CASE_ROLES = ['practitioner', 'referral_officer'] as const
const IG = ['information_governance'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['records']

/** A file's download: one audit row naming the export and its family (looked up by id). */
const readsExportFile: ReadAudit = {
  action: 'record_export.download',
  recordType: 'record_export',
  async rows(request, _payload, db) {
    const { id, file } = request.params as { id: string; file: string }
    const councilId = callerOf(request).councilId
    return [{ recordId: id, familyId: await familyOfExport(db, councilId, id), details: { file } }]
  },
}

/**
 * A family's whole record as an export (readable PDF; JSON and CSV for a system move), and
 * subject access requests: the record gathered, third-party information reviewed and withheld,
 * the redacted copy produced and sent on the one-month clock.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.post(
    '/families/:id/record-exports',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Export the family’s whole record (the worker does it; watch its progress)',
        params: IdParams,
        response: { 202: RecordExportView, ...errors },
      },
    },
    async (request, reply) => {
      const made = await startRecordExport(deps, callerOf(request), request.params.id)
      app.events.nudgeOutbox()
      reply.code(202)
      return made
    },
  )
  app.get(
    '/families/:id/record-exports',
    {
      config: { family: 'id', access: CASE_ROLES, reads: readsOfFamily('record_export.list') },
      schema: {
        tags,
        summary: 'The exports of this family’s record you made, newest first',
        params: IdParams,
        response: { 200: z.object({ familyId: z.string(), exports: z.array(RecordExportView) }), ...errors },
      },
    },
    async (request) => myRecordExports(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/record-exports/:id',
    {
      config: {
        family: { not: 'a whole-record export: its use-case checks the asker’s family scope' },
        access: [...CASE_ROLES, ...IG],
        reads: readsRecord('record_export.read', 'record_export'),
      },
      schema: {
        tags,
        summary: 'An export: its progress, and what it holds',
        params: IdParams,
        response: { 200: RecordExportView, ...errors },
      },
    },
    async (request) => exportView(await visibleExport(deps, callerOf(request), request.params.id)),
  )
  app.get(
    '/record-exports/:id/:file',
    {
      config: {
        family: { not: 'a whole-record export: its use-case checks the asker’s family scope' },
        access: [...CASE_ROLES, ...IG],
        reads: readsExportFile,
      },
      schema: {
        tags,
        summary: 'Download an export’s PDF, JSON or CSV files (zip), when done',
        params: RecordExportFileParams,
      },
    },
    async (request, reply) => {
      const f = await exportFile(deps, callerOf(request), request.params.id, request.params.file)
      return reply
        .type(f.type)
        .header('content-disposition', `attachment; filename="${f.name}"`)
        .header('cache-control', 'no-store')
        .send(f.bytes)
    },
  )

  // ------------------------------------------------------------------ subject access requests
  app.get(
    '/subject-access/family',
    {
      config: {
        access: IG,
        reads: {
          action: 'sar.family_lookup',
          recordType: 'family',
          rows: (_r, payload) => {
            const id = (payload as { familyId?: string } | undefined)?.familyId ?? null
            return [{ recordId: id, familyId: id }]
          },
        },
      },
      schema: {
        tags,
        summary: 'A family by its reference, with its people: who may be asking',
        querystring: SarFamilyQuery,
        response: { 200: SarFamilyView, ...errors },
      },
    },
    async (request) => sarFamily(deps, callerOf(request), request.query.reference),
  )
  app.get(
    '/subject-access/people',
    {
      config: {
        access: IG,
        reads: readsList('sar.people_lookup', 'family', {
          items: (p) =>
            ((p as { matches?: { id: string; familyId: string; kind: string }[] } | undefined)?.matches ?? []).map(
              (m) => ({ id: m.id, familyId: m.familyId, childId: m.kind === 'child' ? m.id : null }),
            ),
        }),
      },
      schema: {
        tags,
        summary: 'Adults and children whose names contain the words typed, with their family’s reference',
        querystring: SarPeopleQuery,
        response: { 200: SarPeopleView, ...errors },
      },
    },
    async (request) => findSarPeople(deps, callerOf(request), request.query.name),
  )
  app.post(
    '/subject-access-requests',
    {
      config: { access: IG },
      schema: {
        tags,
        summary: 'Record a subject access request: the record is gathered and marked for review',
        body: SarCreate,
        response: { 201: SarView, ...errors },
      },
    },
    async (request, reply) => {
      const made = await createSar(deps, callerOf(request), request.body)
      app.events.nudgeOutbox()
      reply.code(201)
      return made
    },
  )
  app.get(
    '/subject-access-requests',
    {
      config: { access: IG, reads: readsList('sar.list', 'subject_access_request', { key: 'requests' }) },
      schema: {
        tags,
        summary: 'Subject access requests: open ones by due date, then those sent',
        response: { 200: SarList, ...errors },
      },
    },
    async (request) => listSars(deps, callerOf(request)),
  )
  app.get(
    '/subject-access-requests/:id',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
        reads: readsRecord('sar.read', 'subject_access_request'),
      },
      schema: { tags, summary: 'A subject access request', params: IdParams, response: { 200: SarView, ...errors } },
    },
    async (request) => sarView(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/subject-access-requests/:id/redactions',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
        reads: readsRecord('sar.redactions', 'subject_access_request'),
      },
      schema: {
        tags,
        summary: 'Every passage marked as third-party information, with the field as written',
        params: IdParams,
        response: { 200: SarRedactionList, ...errors },
      },
    },
    async (request) => sarRedactionList(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/subject-access-requests/:id/preview',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
        reads: readsRecord('sar.preview', 'subject_access_request'),
      },
      schema: {
        tags,
        summary: 'The copy as the person asking will read it, before it is produced (undecided passages marked)',
        params: IdParams,
        response: { 200: SarPreview, ...errors },
      },
    },
    async (request) => getSarPreview(deps, callerOf(request), request.params.id),
  )
  app.put(
    '/sar-redactions/:id',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
      },
      schema: {
        tags,
        summary: 'Withhold or release a marked passage (with why, to release)',
        params: IdParams,
        body: RedactionDecision,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => decideRedaction(deps, callerOf(request), request.params.id, request.body),
  )
  app.post(
    '/subject-access-requests/:id/redactions/decide',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
      },
      schema: {
        tags,
        summary: 'Withhold or release every undecided passage alike at once (the same words, or the same reason)',
        params: IdParams,
        body: RedactionBulkDecision,
        response: { 200: z.object({ decided: z.number().int() }), ...errors },
      },
    },
    async (request) => decideAlike(deps, callerOf(request), request.params.id, request.body),
  )
  const step = (url: string, summary: string, run: typeof produceSar) =>
    app.post(
      url,
      {
        config: {
          family: { not: 'information governance answers for the council, restricted records included' },
          access: IG,
        },
        schema: { tags, summary, params: IdParams, response: { 200: SarView, ...errors } },
      },
      async (request) => {
        const v = await run(deps, callerOf(request), request.params.id)
        app.events.nudgeOutbox()
        return v
      },
    )
  step('/subject-access-requests/:id/produce', 'Every passage decided: produce the redacted copy', produceSar)
  step('/subject-access-requests/:id/retry', 'After a failure: gather or produce again', retrySar)
  app.post(
    '/subject-access-requests/:id/sent',
    {
      config: {
        family: { not: 'information governance answers for the council, restricted records included' },
        access: IG,
      },
      schema: {
        tags,
        summary: 'The copy was sent to the requester: the request closes',
        params: IdParams,
        body: SarSent,
        response: { 200: SarView, ...errors },
      },
    },
    async (request) => markSarSent(deps, callerOf(request), request.params.id, request.body.sentOn),
  )
}

export default routes
