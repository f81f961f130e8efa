import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams } from '@hearth/contracts/common'
import {
  DirectoryImportInput,
  DirectoryImportResult,
  FamilyServiceInput,
  FamilyServiceView,
  NewServiceInput,
  ServiceQuery,
  ServiceSearchResult,
  ServiceView,
} from '@hearth/contracts/directory'
import { londonDateOf } from '@hearth/domain/working-days'
import { addFamilyService } from './add-family-service'
import { createService } from './create-service'
import { exportServices } from './export-services'
import { getService } from './get-service'
import { importServices } from './import-services'
import { listFamilyServices } from './list-family-services'
import { searchServices } from './search-services'
import { noCaseContent, readsOfFamily } from '../../kernel/reads'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['directory']

/** The service directory (Open Referral UK), and services on a family's plan. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/directory/services',
    {
      config: { access: 'signed_in', reads: noCaseContent('the service directory: services, not people') },
      schema: {
        tags,
        summary:
          'Search the directory by words, need, age, patch and cost (open and temporarily closed services), by name, a page at a time',
        querystring: ServiceQuery,
        response: { 200: ServiceSearchResult, ...errors },
      },
    },
    async (request) => searchServices(app.deps, callerOf(request), request.query),
  )
  app.get(
    '/directory/services/:id',
    {
      config: {
        family: { not: 'a service in the directory' },
        access: 'signed_in',
        reads: noCaseContent('one service of the directory'),
      },
      schema: { tags, summary: 'One service', params: IdParams, response: { 200: ServiceView, ...errors } },
    },
    async (request) => getService(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/directory/services',
    {
      config: { access: ['insight_adviser'] },
      schema: {
        tags,
        summary: 'Add a service by hand',
        body: NewServiceInput,
        response: { 201: ServiceView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return createService(app.deps, callerOf(request), request.body)
    },
  )
  app.post(
    '/directory/import',
    {
      config: { access: ['insight_adviser'] },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Load an Open Referral UK services file (JSON). All or nothing: any problem refuses the file with its line and field',
        body: DirectoryImportInput,
        response: { 200: DirectoryImportResult, ...errors },
      },
    },
    async (request) => importServices(app.deps, callerOf(request), request.body.content, request.body.fileName),
  )
  app.get(
    '/directory/export',
    {
      config: {
        access: ['insight_adviser', 'administrator'],
        reads: noCaseContent('the service directory in Open Referral UK form'),
      },
      schema: {
        tags,
        summary: 'The directory as an Open Referral UK services file (JSON), to publish',
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const doc = await exportServices(app.deps, callerOf(request))
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="open-referral-services-${londonDateOf(new Date())}.json"`)
        .send(JSON.stringify(doc, null, 2))
    },
  )

  app.get(
    '/families/:id/services',
    {
      config: { family: 'id', access: ['practitioner'], reads: readsOfFamily('family.services.read') },
      schema: {
        tags,
        summary: 'Services on the family’s plan',
        params: IdParams,
        response: { 200: z.array(FamilyServiceView), ...errors },
      },
    },
    async (request) => listFamilyServices(app.deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/services',
    {
      config: { family: 'id', access: ['practitioner'] },
      schema: {
        tags,
        summary: 'Record a service on the family’s plan (“referred to … on …”)',
        params: IdParams,
        body: FamilyServiceInput,
        response: { 201: FamilyServiceView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addFamilyService(app.deps, callerOf(request), request.params.id, request.body)
    },
  )
}
export default routes
