import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * #31: inside a transaction, every statement goes through the transaction. A statement sent on
 * `db` while a transaction is open waits for a second connection; the embedded database (PGlite,
 * what `npm start` runs) has one, so the request hangs and every request after it (a withdraw
 * froze Hearth this way). This walks every `.transaction(async (tx) => …)` callback in the API and
 * the worker and fails on any use of the outer `db` (`db`, `deps.db`) inside it.
 */
const ROOT = join(__dirname, '../../..')
const DIRS = ['apps/api/src', 'apps/worker/src', 'packages/db/src']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : files(p)
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : []
  })
}

/** Places in one file where a transaction's callback uses `db` from outside it. */
export function outerDbInTransactions(path: string, text: string): string[] {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true)
  const found: string[] = []
  const where = (n: ts.Node) => `${relative(ROOT, path)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`
  const scan = (body: ts.Node, shadowed: boolean) => {
    const walk = (n: ts.Node, shadow: boolean): void => {
      // a nested function that takes its own `db` parameter is its own scope
      if (ts.isFunctionLike(n) && n.parameters?.some((p) => p.name.getText() === 'db')) shadow = true
      if (ts.isIdentifier(n) && n.text === 'db' && !shadow) {
        const p = n.parent
        const isName =
          (ts.isPropertyAccessExpression(p) && p.name === n && p.expression.getText() !== 'deps') ||
          ts.isPropertyAssignment(p) ||
          ts.isShorthandPropertyAssignment(p) ||
          ts.isBindingElement(p) ||
          ts.isParameter(p) ||
          ts.isVariableDeclaration(p)
        if (!isName) found.push(where(n))
      }
      ts.forEachChild(n, (c) => walk(c, shadow))
    }
    walk(body, shadowed)
  }
  const visit = (n: ts.Node) => {
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'transaction' &&
      n.arguments[0] &&
      (ts.isArrowFunction(n.arguments[0]) || ts.isFunctionExpression(n.arguments[0]))
    ) {
      const fn = n.arguments[0]
      const shadowed = fn.parameters.some((p) => p.name.getText() === 'db')
      scan(fn.body, shadowed)
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
  return found
}

describe('statements inside a transaction', () => {
  it('the check finds `db` used inside a transaction (it can fail)', () => {
    const bad = `async function f(deps, db) {
      await db.transaction(async (tx) => { await canSee(db, 1); await deps.db.select() })
      await db.transaction(async (tx) => { const q = (db) => db.select(); await q(tx) })
    }`
    expect(outerDbInTransactions(join(ROOT, 'x.ts'), bad)).toEqual(['x.ts:2', 'x.ts:2'])
  })

  it('no transaction in the API, the worker or the database package reaches outside it', () => {
    const all = DIRS.flatMap((d) => files(join(ROOT, d))).flatMap((f) =>
      outerDbInTransactions(f, readFileSync(f, 'utf8')),
    )
    expect(all).toEqual([])
  })
})
