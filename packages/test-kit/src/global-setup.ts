import pg from 'pg'
import { openDb } from '@hearth/db/client'

export const TEMPLATE_DB = 'hearth_template'

/** Migrates one template database on the real server; each test file clones it (fast, isolated). */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL
  if (!url) return
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`)
  await admin.query(`create database ${TEMPLATE_DB}`)
  await admin.end()
  const handle = await openDb({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB), poolSize: 1 })
  await handle.migrate()
  await handle.close()
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}
