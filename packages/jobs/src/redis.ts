import { Cluster, Redis, type RedisOptions } from 'ioredis'

/** `redis-cluster://host:port,host:port` (any of the cluster's nodes; the rest are found). */
const CLUSTER = /^redis-cluster:\/\/([^/?#]+)\/?$/

/**
 * A Redis connection for BullMQ and Hearth (which needs maxRetriesPerRequest: null). With a
 * `redis-cluster://` address, a Redis Cluster: every queue's keys share the `{hearth}` hash tag
 * of BULLMQ_PREFIX, so each queue lives on one node and its scripts run there; a failed primary's
 * replica takes over and the connection follows it. The cluster client answers the same commands,
 * so it is handed out under the one type.
 */
export function createRedis(url: string, extra: RedisOptions = {}): Redis {
  const options: RedisOptions = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...extra }
  const cluster = CLUSTER.exec(url)
  if (!cluster) return new Redis(url, options)
  const nodes = cluster[1]!.split(',').map((hp) => {
    const [host, port] = hp.split(':')
    return { host: host!, port: Number(port ?? 6379) }
  })
  return new Cluster(nodes, {
    redisOptions: options,
    enableReadyCheck: true,
    // a failover moves slots: ask again rather than fail the command
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    clusterRetryStrategy: (times) => Math.min(100 * times, 2000),
  }) as unknown as Redis
}
