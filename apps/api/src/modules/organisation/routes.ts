import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Ok, Uuid } from '@hearth/contracts/common'
import {
  AddMemberBody,
  Patch,
  PatchInput,
  Person,
  PersonInput,
  PersonUpdate,
  RoleGrant,
  RoleGrantDecision,
  Team,
  TeamDetail,
  TeamInput,
  TeamUpdate,
} from '@hearth/contracts/organisation'
import { endAllSessions } from '../../kernel/sessions'
import { addTeamMember } from './add-team-member'
import { createPatch } from './create-patch'
import { createPerson } from './create-person'
import { createTeam } from './create-team'
import { getPerson } from './get-person'
import { getTeam } from './get-team'
import { listPatches } from './list-patches'
import { listPeople } from './list-people'
import { listTeams } from './list-teams'
import { removeTeamMember } from './remove-team-member'
import { decideRoleGrant } from './decide-role-grant'
import { listRoleGrants } from './list-role-grants'
import { updatePatch } from './update-patch'
import { updatePerson } from './update-person'
import { updateTeam } from './update-team'
import { noCaseContent } from '../../kernel/reads'

const ADMIN = ['administrator'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }

const routes: FastifyPluginAsyncZod = async (app) => {
  // Patches and teams are the council's shape, not case data: every signed-in person may read them.
  app.get(
    '/patches',
    {
      config: { access: 'signed_in', reads: noCaseContent('the council’s patches') },
      schema: {
        tags: ['organisation'],
        summary: 'Patches of the council',
        response: { 200: z.array(Patch), ...errors },
      },
    },
    async (request) => listPatches(app.deps, callerOf(request)),
  )
  app.post(
    '/patches',
    {
      config: { access: ADMIN },
      schema: { tags: ['organisation'], summary: 'Add a patch', body: PatchInput, response: { 201: Patch, ...errors } },
    },
    async (request, reply) => {
      reply.code(201)
      return createPatch(app.deps, callerOf(request), request.body)
    },
  )
  app.patch(
    '/patches/:id',
    {
      config: { family: { not: 'a patch' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Change a patch',
        params: IdParams,
        body: PatchInput.partial(),
        response: { 200: Patch, ...errors },
      },
    },
    async (request) => updatePatch(app.deps, callerOf(request), request.params.id, request.body),
  )

  app.get(
    '/teams',
    {
      config: { access: 'signed_in', reads: noCaseContent('the council’s teams') },
      schema: { tags: ['organisation'], summary: 'Teams of the council', response: { 200: z.array(Team), ...errors } },
    },
    async (request) => listTeams(app.deps, callerOf(request)),
  )
  app.get(
    '/teams/:id',
    {
      config: {
        family: { not: 'a team: what it lists is filtered by family access' },
        access: 'signed_in',
        reads: noCaseContent('a team and its members (staff, not families)'),
      },
      schema: {
        tags: ['organisation'],
        summary: 'A team and its members',
        params: IdParams,
        response: { 200: TeamDetail, ...errors },
      },
    },
    async (request) => getTeam(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/teams',
    {
      config: { access: ADMIN },
      schema: { tags: ['organisation'], summary: 'Add a team', body: TeamInput, response: { 201: Team, ...errors } },
    },
    async (request, reply) => {
      reply.code(201)
      return createTeam(app.deps, callerOf(request), request.body)
    },
  )
  app.patch(
    '/teams/:id',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Change a team',
        params: IdParams,
        body: TeamUpdate,
        response: { 200: Team, ...errors },
      },
    },
    async (request) => updateTeam(app.deps, callerOf(request), request.params.id, request.body),
  )
  app.post(
    '/teams/:id/members',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Add a person to a team',
        params: IdParams,
        body: AddMemberBody,
        response: { 201: Ok, ...errors },
      },
    },
    async (request, reply) => {
      await addTeamMember(app.deps, callerOf(request), request.params.id, request.body.personId)
      app.events.personChanged(request.body.personId)
      reply.code(201)
      return { ok: true as const }
    },
  )
  app.delete(
    '/teams/:id/members/:personId',
    {
      config: { family: { not: 'a team: what it lists is filtered by family access' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Take a person off a team',
        params: z.object({ id: Uuid, personId: Uuid }),
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      await removeTeamMember(app.deps, callerOf(request), request.params.id, request.params.personId)
      // their live stream closes now, in every API process, not at its next heartbeat
      app.events.personChanged(request.params.personId)
      return { ok: true as const }
    },
  )

  app.get(
    '/people',
    {
      config: { access: ADMIN, reads: noCaseContent('staff accounts, not families') },
      schema: {
        tags: ['organisation'],
        summary: 'People of the council',
        response: { 200: z.array(Person), ...errors },
      },
    },
    async (request) => listPeople(app.deps, callerOf(request)),
  )
  app.get(
    '/people/:id',
    {
      config: { family: { not: 'a member of staff' }, access: ADMIN, reads: noCaseContent('a staff account') },
      schema: { tags: ['organisation'], summary: 'A person', params: IdParams, response: { 200: Person, ...errors } },
    },
    async (request) => getPerson(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/people',
    {
      config: { access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Add a person who can sign in',
        body: PersonInput,
        response: { 201: Person, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return createPerson(app.deps, callerOf(request), request.body)
    },
  )
  app.patch(
    '/people/:id',
    {
      config: { family: { not: 'a member of staff' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Change a person: name, roles, close the account, reset password, unlock',
        params: IdParams,
        body: PersonUpdate,
        response: { 200: Person, ...errors },
      },
    },
    async (request) => {
      const person = await updatePerson(app.deps, callerOf(request), request.params.id, request.body)
      app.events.personChanged(request.params.id)
      return person
    },
  )

  app.get(
    '/role-grants',
    {
      config: { access: ADMIN, reads: noCaseContent('roles of staff accounts, not families') },
      schema: {
        tags: ['organisation'],
        summary: 'Roles waiting for a second administrator to approve them',
        response: { 200: z.array(RoleGrant), ...errors },
      },
    },
    async (request) => listRoleGrants(app.deps, callerOf(request)),
  )
  app.post(
    '/role-grants/:id/decision',
    {
      config: { family: { not: 'a role given to staff' }, access: ADMIN },
      schema: {
        tags: ['organisation'],
        summary: 'Approve or refuse a role (a second administrator: not the one who asked, not the person it is for)',
        params: IdParams,
        body: RoleGrantDecision,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const { personId, endSessions } = await decideRoleGrant(app.deps, caller, request.params.id, request.body.approve)
      if (endSessions) await endAllSessions(app.deps.db, caller.councilId, personId)
      app.events.personChanged(personId)
      return { ok: true as const }
    },
  )
}
export default routes
