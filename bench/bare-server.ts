import Fastify from 'fastify'

/** The yardstick: a bare Fastify route on the same machine, in its own process like the API. */
const app = Fastify({ logger: false })
app.get('/bare', async () => ({ ok: true }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
