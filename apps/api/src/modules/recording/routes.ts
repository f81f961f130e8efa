import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok } from '@hearth/contracts/common'
import {
  AddendumInput,
  FinaliseInput,
  NoteCheckSettings,
  NoteCheckSettingsInput,
  NoteDraft,
  NoteStart,
  NoteView,
  SimilarNote,
} from '@hearth/contracts/recording'
import { noCaseContent, readsOfFamily, readsRecord } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { addAddendum } from './add-addendum'
import { discardDraft } from './discard-draft'
import { finaliseNote } from './finalise-note'
import { getNote } from './get-note'
import { listNotes } from './list-notes'
import { getNoteCheckSettings, setNoteCheckSettings } from './note-check-settings'
import { saveDraft } from './save-draft'
import { getSimilarNotes } from './similar-notes'
import { getNamesElsewhere } from './names-elsewhere'
import { startNote } from './start-note'

const PRACTITIONER = ['practitioner'] as const
const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['recording']

/** Notes of visits, calls and contacts: drafts saved as they are typed, finalised notes kept as written. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }

  app.get(
    '/families/:id/notes',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('note.list') },
      schema: {
        tags,
        summary: 'The family’s finalised notes, with their addenda, and your own drafts; newest first',
        params: IdParams,
        response: { 200: z.array(NoteView), ...errors },
      },
    },
    async (request) => listNotes(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/notes',
    {
      config: { family: 'id', access: PRACTITIONER },
      schema: {
        tags,
        summary:
          'Begin a note (a draft only you see), from a visit or for a contact nobody booked. ' +
          'One note per visit: from a visit already recorded, the answer is that note (200).',
        params: IdParams,
        body: NoteStart,
        response: { 200: NoteView, 201: NoteView, ...errors },
      },
    },
    async (request, reply) => {
      const { note, created } = await startNote(deps, callerOf(request), request.params.id, request.body)
      reply.code(created ? 201 : 200)
      return note
    },
  )
  app.get(
    '/notes/:id',
    {
      config: { family: 'note', access: PRACTITIONER, reads: readsRecord('note.read', 'note') },
      schema: { tags, summary: 'A note', params: IdParams, response: { 200: NoteView, ...errors } },
    },
    async (request) => getNote(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/notes/:id/similar',
    {
      config: { family: 'note', access: PRACTITIONER, reads: readsRecord('note.similar', 'note') },
      schema: {
        tags,
        summary:
          'Before saving: the earlier notes of this family or by you that this one is very like, and what they share',
        params: IdParams,
        response: { 200: z.array(SimilarNote), ...errors },
      },
    },
    async (request) => getSimilarNotes(deps, callerOf(request), request.params.id),
  )
  app.get(
    '/notes/:id/names-elsewhere',
    {
      config: { family: 'note', access: PRACTITIONER, reads: readsRecord('note.names_elsewhere', 'note') },
      schema: {
        tags,
        summary:
          'Before saving: full names in the note that belong to nobody in this family’s network (a passage from another record)',
        params: IdParams,
        response: { 200: z.object({ names: z.array(z.string()) }), ...errors },
      },
    },
    async (request) => getNamesElsewhere(deps, callerOf(request), request.params.id),
  )
  app.put(
    '/notes/:id',
    {
      config: { family: 'note', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Save your draft as it stands (sent as you type); a finalised note answers 409',
        params: IdParams,
        body: NoteDraft,
        response: { 200: NoteView, ...errors },
      },
    },
    async (request) => saveDraft(deps, callerOf(request), request.params.id, request.body),
  )
  app.post(
    '/notes/:id/finalise',
    {
      config: { family: 'note', access: PRACTITIONER },
      schema: {
        tags,
        summary:
          'Finalise your draft: kept as written from now on. A note very like an earlier one answers 409 ' +
          'until you send `keepSimilar: true` (see GET /api/notes/{id}/similar)',
        params: IdParams,
        body: FinaliseInput,
        response: { 200: NoteView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const note = await finaliseNote(deps, caller, request.params.id, request.body ?? {})
      // the team holding the family sees it arrive (ids only)
      const teamId = await holdingTeamId(deps.db, caller.councilId, note.familyId)
      if (teamId)
        app.events.publish({
          type: 'note.finalised',
          councilId: caller.councilId,
          teamIds: [teamId],
          familyId: note.familyId,
          noteId: note.id,
        })
      return note
    },
  )
  app.post(
    '/notes/:id/addenda',
    {
      config: { family: 'note', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Add a correction or addition to a finalised note, with why',
        params: IdParams,
        body: AddendumInput,
        response: { 201: NoteView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addAddendum(deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.delete(
    '/notes/:id',
    {
      config: { family: 'note', access: PRACTITIONER },
      schema: {
        tags,
        summary: 'Throw away your own draft (a finalised note cannot be deleted)',
        params: IdParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await discardDraft(deps, callerOf(request), request.params.id)
      return { ok: true as const }
    },
  )
  app.get(
    '/council/note-check',
    {
      config: { access: ADMIN, reads: noCaseContent('the council’s copy-paste threshold') },
      schema: {
        tags,
        summary: 'The copy-paste check’s threshold: the share of three-word phrases that makes two notes very alike',
        response: { 200: NoteCheckSettings, ...errors },
      },
    },
    async (request) => getNoteCheckSettings(deps, callerOf(request)),
  )
  app.put(
    '/council/note-check',
    {
      config: { access: ADMIN },
      schema: {
        tags,
        summary: 'Set the copy-paste check’s threshold (10 to 90 %; the default is 33 %)',
        body: NoteCheckSettingsInput,
        response: { 200: NoteCheckSettings, ...errors },
      },
    },
    async (request) => setNoteCheckSettings(deps, callerOf(request), request.body),
  )
}
export default routes
