import { join } from 'node:path'
import { modulesIn } from '@hearth/discovery'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

/** One line of the family's story, before the lines are sorted and sent. */
export type ChronologyItem<K extends string = string> = {
  at: Date
  kind: K
  title: string
  detail: string | null
  byName: string | null
  link: string | null
  /** The children the line is about (a note's children); none for the whole family. */
  childIds?: string[]
}

/** What each part is given: the family (already in the caller's scope) and who holds it. */
export type ChronologyAsk = {
  deps: Deps
  caller: Caller
  familyId: string
  /** The team holding the family, or null when no team holds it. */
  holderTeamId: string | null
}

/**
 * A capability's share of the family's chronology: a `*.chronology.ts` file in its own folder
 * exporting `chronology`, found at start-up, so the chronology gains a capability without being
 * edited. The part owns its kinds of line and the words for them (the "Show" choice).
 */
export type ChronologyPart<K extends string = string> = {
  kinds: Record<K, string>
  entries: (ask: ChronologyAsk) => Promise<ChronologyItem<K>[]>
}

/** Declares a part (typed, so each line's kind is one the part names). */
export function chronologyPart<K extends string>(part: ChronologyPart<K>): ChronologyPart<K> {
  return part
}

const PART_FILE = /\.chronology\.(ts|js)$/
let loaded: Promise<ChronologyPart[]> | null = null

/** Every capability's part, in file order; a kind claimed by two parts stops the start. */
export function chronologyParts(dir = join(import.meta.dirname, '..')): Promise<ChronologyPart[]> {
  loaded ??= findChronologyParts(dir)
  return loaded
}

export async function findChronologyParts(dir: string): Promise<ChronologyPart[]> {
  const parts: ChronologyPart[] = []
  const owner = new Map<string, string>()
  for (const [file, m] of await modulesIn(dir, PART_FILE, 'chronology')) {
    const part = (m as { chronology?: ChronologyPart }).chronology
    if (!part) throw new Error(`${file} exports no chronology part`)
    for (const kind of Object.keys(part.kinds)) {
      const first = owner.get(kind)
      if (first) throw new Error(`chronology kind ${kind} is claimed by ${first} and ${file}`)
      owner.set(kind, file)
    }
    parts.push(part)
  }
  return parts
}
