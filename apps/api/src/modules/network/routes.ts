import { callerOf } from '../../kernel/caller'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBody, IdParams, Uuid } from '@hearth/contracts/common'
import {
  NetworkLinkChange,
  NetworkLinkEnd,
  NetworkLinkInput,
  NetworkPersonChange,
  NetworkPersonInput,
  NetworkRemoval,
  NetworkView,
} from '@hearth/contracts/network'
import { readsOfFamily } from '../../kernel/reads'
import { getNetwork } from './get-network'
import { addNetworkLink } from './add-network-link'
import { changeNetworkLink, endNetworkLink } from './change-network-link'
import { addNetworkPerson } from './add-network-person'
import { changeNetworkPerson, removeNetworkPerson } from './change-network-person'

const PRACTITIONER = ['practitioner'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['network']
const PersonParams = z.object({ id: Uuid, personId: Uuid })
const LinkParams = z.object({ id: Uuid, linkId: Uuid })

/**
 * The people around a family's children and how they are related: family, professionals and
 * community. Nothing is deleted: people are removed and relationships ended, dated, with why.
 * Every change answers with the whole network as it now stands.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const deps = { db: app.deps.db }
  const write = { family: 'id', access: PRACTITIONER } as const

  app.get(
    '/families/:id/network',
    {
      config: { family: 'id', access: PRACTITIONER, reads: readsOfFamily('network.read') },
      schema: {
        tags,
        summary:
          'The family’s network: each person (with their genogram row), each relationship in words, and what ended',
        params: IdParams,
        response: { 200: NetworkView, ...errors },
      },
    },
    async (request) => getNetwork(deps, callerOf(request), request.params.id),
  )
  app.post(
    '/families/:id/network/people',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add someone to the network: a new person, or `{ personId }` from another family’s network',
        params: IdParams,
        body: NetworkPersonInput,
        response: { 201: NetworkView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addNetworkPerson(deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.put(
    '/families/:id/network/people/:personId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change what is known of someone, with why; send the version you saw',
        params: PersonParams,
        body: NetworkPersonChange,
        response: { 200: NetworkView, ...errors },
      },
    },
    async (request) =>
      changeNetworkPerson(deps, callerOf(request), request.params.id, request.params.personId, request.body),
  )
  app.post(
    '/families/:id/network/people/:personId/remove',
    {
      config: write,
      schema: {
        tags,
        summary: 'Someone is no longer in the network: their relationships here end, dated; the history stays',
        params: PersonParams,
        body: NetworkRemoval,
        response: { 200: NetworkView, ...errors },
      },
    },
    async (request) =>
      removeNetworkPerson(deps, callerOf(request), request.params.id, request.params.personId, request.body),
  )
  app.post(
    '/families/:id/network/links',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record how two people of the network are related',
        params: IdParams,
        body: NetworkLinkInput,
        response: { 201: NetworkView, ...errors },
      },
    },
    async (request, reply) => {
      reply.code(201)
      return addNetworkLink(deps, callerOf(request), request.params.id, request.body)
    },
  )
  app.put(
    '/families/:id/network/links/:linkId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change a relationship (how close, what is good, worries …), with why; send the version you saw',
        params: LinkParams,
        body: NetworkLinkChange,
        response: { 200: NetworkView, ...errors },
      },
    },
    async (request) =>
      changeNetworkLink(deps, callerOf(request), request.params.id, request.params.linkId, request.body),
  )
  app.post(
    '/families/:id/network/links/:linkId/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a relationship, with why; it stays in the history',
        params: LinkParams,
        body: NetworkLinkEnd,
        response: { 200: NetworkView, ...errors },
      },
    },
    async (request) => endNetworkLink(deps, callerOf(request), request.params.id, request.params.linkId, request.body),
  )
}
export default routes
