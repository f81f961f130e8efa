import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, Ok, IdParams } from '@hearth/contracts/common'
import {
  Adult,
  AdultInput,
  Child,
  ChildInput,
  ChildUpdate,
  BreakGlassGranted,
  BreakGlassInput,
  BreakGlassList,
  BreakGlassReviewInput,
  GlassAlerts,
  RestrictionInput,
  FamilyDetail,
  FamilyInput,
  FamilyListQuery,
  FamilySummary,
  FamilyUpdate,
  Relationship,
  RelationshipInput,
} from '@hearth/contracts/families'
import { AddressConfidentialityInput } from '@hearth/contracts/search'
import { addressFor, addressVisibleTo } from '@hearth/domain/confidential-address'
import { addAdult } from './add-adult'
import { addChild } from './add-child'
import { addRelationship } from './add-relationship'
import { createFamily } from './create-family'
import { getChild } from './get-child'
import { getFamily } from './get-family'
import { listFamilies } from './list-families'
import { updateChild } from './update-child'
import { updateFamily } from './update-family'
import { setAddressConfidentiality } from './set-address-confidentiality'
import { breakTheGlass } from './break-glass'
import { glassAlerts } from './break-glass-alerts'
import { listBreakGlass, reviewBreakGlass } from './review-break-glass'
import { setRestriction } from './set-restriction'
import { holdingTeamId } from './family-queries'
import { readsChild, readsList, readsWithChildren } from '../../kernel/reads'

/** Case records: the front door and family-facing practitioners (scoped to their teams' patches). */
const CASE_ROLES = ['referral_officer', 'practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const FamilyRow = FamilyDetail.omit({ children: true, adults: true, relationships: true, patchName: true })

const routes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['families']

  app.get(
    '/families',
    {
      config: {
        access: CASE_ROLES,
        reads: readsList('family.list', 'family', {
          items: (p) => (p as { id: string }[]).map((f) => ({ id: f.id, familyId: f.id })),
          details: (r) => ({ searched: !!(r.query as { q?: string }).q }),
        }),
      },
      schema: {
        tags,
        summary: 'Families you may see, searchable by name, reference or postcode',
        querystring: FamilyListQuery,
        response: { 200: z.array(FamilySummary), ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      return listFamilies(app.deps, a, request.query, a.personId)
    },
  )
  app.post(
    '/families',
    {
      config: { access: CASE_ROLES },
      schema: { tags, summary: 'Record a family', body: FamilyInput, response: { 201: FamilyRow, ...errors } },
    },
    async (request, reply) => {
      reply.code(201)
      return createFamily(app.deps, callerOf(request), request.body)
    },
  )
  app.get(
    '/families/:id',
    {
      config: {
        family: 'id',
        access: CASE_ROLES,
        reads: readsWithChildren('family.read', 'family', (p) => (p as { id: string }).id),
      },
      schema: {
        tags,
        summary: 'A family with its children, adults and relationships',
        params: IdParams,
        response: { 200: FamilyDetail, ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      const f = await getFamily(app.deps, a, request.params.id)
      return { ...addressFor(f, a.personId), addressVisible: addressVisibleTo(f, a.personId) }
    },
  )
  app.patch(
    '/families/:id',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Change a family’s details',
        params: IdParams,
        body: FamilyUpdate,
        response: { 200: FamilyRow, ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      const f = await updateFamily(app.deps, a, request.params.id, request.body)
      return addressFor(f, a.personId)
    },
  )
  app.put(
    '/families/:id/address-confidentiality',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Mark the family’s address confidential (or not), naming the staff who may see it',
        params: IdParams,
        body: AddressConfidentialityInput,
        response: { 200: FamilyRow, ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      const f = await setAddressConfidentiality(app.deps, a, request.params.id, request.body)
      return { ...addressFor(f, a.personId), addressVisible: addressVisibleTo(f, a.personId) }
    },
  )
  app.put(
    '/families/:id/restriction',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Restrict the family’s record to the staff named (or lift the restriction)',
        params: IdParams,
        body: RestrictionInput,
        response: { 200: FamilyRow, ...errors },
      },
    },
    async (request) => {
      const a = callerOf(request)
      const f = await setRestriction(app.deps, a, request.params.id, request.body)
      return { ...addressFor(f, a.personId), addressVisible: addressVisibleTo(f, a.personId) }
    },
  )
  app.post(
    '/break-glass',
    {
      config: { access: ['referral_officer'] },
      schema: {
        tags,
        summary: 'Open a restricted record you are not named on, saying why (for a few hours; audited)',
        body: BreakGlassInput,
        response: { 201: BreakGlassGranted, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const g = await breakTheGlass(app.deps, caller, request.body.reference, request.body.reason)
      // the record's team (its lead) and every administrator's screens hear of it at once
      const teamId = await holdingTeamId(app.deps.db, caller.councilId, g.familyId)
      app.events.publish({
        type: 'board.changed',
        councilId: caller.councilId,
        teamIds: teamId ? [teamId] : [],
        familyId: g.familyId,
      })
      // the staff named on it, its workers and information governance: their alerts (no ids)
      app.events.publish({ type: 'break_glass.opened', councilId: caller.councilId, teamIds: [] })
      reply.code(201)
      return g
    },
  )
  app.get(
    '/break-glass',
    {
      config: {
        access: ['administrator', 'information_governance'],
        reads: readsList('family.break_glass_list', 'family', {
          items: (p) =>
            ((p as { grants: { id: string; familyId: string }[] }).grants ?? []).map((g) => ({
              id: g.id,
              familyId: g.familyId,
            })),
        }),
      },
      schema: {
        tags,
        summary: 'Every break-glass opening of a restricted record',
        response: { 200: BreakGlassList, ...errors },
      },
    },
    async (request) => listBreakGlass(app.deps, callerOf(request)),
  )
  app.post(
    '/break-glass/:id/review',
    {
      config: {
        family: { not: 'a break-glass opening: information governance reviews every one' },
        access: ['information_governance'],
      },
      schema: {
        tags,
        summary: 'Review a break-glass opening: justified, or a concern (with what it is)',
        params: IdParams,
        body: BreakGlassReviewInput,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      const done = await reviewBreakGlass(app.deps, callerOf(request), request.params.id, request.body)
      reply.code(201)
      return done
    },
  )
  app.get(
    '/me/break-glass-alerts',
    {
      config: {
        access: 'signed_in',
        reads: readsList('family.break_glass_alerts', 'family', { key: 'openings' }),
      },
      schema: {
        tags,
        summary:
          'Break-glass openings of records you are named on or hold; for information governance, how many to review',
        response: { 200: GlassAlerts, ...errors },
      },
    },
    async (request) => glassAlerts(app.deps, callerOf(request)),
  )
  app.post(
    '/families/:id/children',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Add a child (or unborn child) to a family',
        params: IdParams,
        body: ChildInput,
        response: { 201: Child, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addChild(app.deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.post(
    '/families/:id/adults',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Add a parent, carer, relative or professional',
        params: IdParams,
        body: AdultInput,
        response: { 201: Adult, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addAdult(app.deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.post(
    '/families/:id/relationships',
    {
      config: { family: 'id', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Link an adult to a child on the relationship map',
        params: IdParams,
        body: RelationshipInput,
        response: { 201: Relationship, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addRelationship(app.deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.get(
    '/children/:id',
    {
      config: { family: 'child', access: CASE_ROLES, reads: readsChild() },
      schema: { tags, summary: 'A child’s record', params: IdParams, response: { 200: Child, ...errors } },
    },
    async (request) => {
      const a = callerOf(request)
      return getChild(app.deps, a, request.params.id)
    },
  )
  app.patch(
    '/children/:id',
    {
      config: { family: 'child', access: CASE_ROLES },
      schema: {
        tags,
        summary: 'Change a child’s record',
        params: IdParams,
        body: ChildUpdate,
        response: { 200: Child, ...errors },
      },
    },
    async (request) => updateChild(app.deps, callerOf(request), request.params.id, request.body),
  )
}
export default routes
