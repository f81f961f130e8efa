import type { FastifyRequest } from 'fastify'

/**
 * What a request looks like in the log: method and path only. Query strings can carry search
 * terms (a child's name), and personal data never goes in the log at info level.
 */
export function requestForLog(req: FastifyRequest) {
  return { method: req.method, url: req.url.split('?')[0], reqId: req.id }
}
