export function requireEnv(
  name: 'TEST_DATABASE_URL' | 'TEST_DATABASE_URL_2' | 'TEST_REDIS_URL' | 'TEST_REDIS_CLUSTER_URL',
): string {
  const v = process.env[name]
  if (!v)
    throw new Error(
      `${name} is not set: run the suite with \`npm test\`, which starts PostgreSQL, Redis and a Redis Cluster`,
    )
  return v
}
