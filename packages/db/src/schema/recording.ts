import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { visits } from './visits'
import { councilId, createdAt, id, updatedAt } from './_helpers'

/**
 * A MinHash signature as 64 four-byte integers in one bytea: read ten thousand at a time, bytes
 * cost far less to move and parse than an integer[].
 */
const signatureColumn = customType<{ data: number[]; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (sig) => {
    const b = Buffer.alloc(sig.length * 4)
    for (let i = 0; i < sig.length; i++) b.writeInt32LE(sig[i]!, i * 4)
    return b
  },
  fromDriver: (raw) => {
    const b = Buffer.from(raw)
    return Array.from({ length: b.length / 4 }, (_, i) => b.readInt32LE(i * 4))
  },
})

export interface NoteChild {
  childId: string
  seen: 'seen' | 'seen_alone' | 'not_seen' | null
  notSeenReason: string | null
}

/**
 * What happened at a visit, call, meeting or unplanned contact, told as a story. A draft is its
 * author's alone and is saved as they type; once finalised a note is never changed or deleted
 * (a trigger refuses it: see migration 0016) and corrections are addenda.
 */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    visitId: uuid('visit_id').references(() => visits.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    /** The team holding the family when the note was begun. */
    teamId: uuid('team_id').references(() => teams.id),
    kind: text('kind').notNull(),
    happenedAt: timestamp('happened_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place'),
    directMinutes: integer('direct_minutes').notNull().default(0),
    appointment: text('appointment').notNull().default('on_time'),
    lateMinutes: integer('late_minutes'),
    /** Rearranged or missed: by whom ('family' or 'us'). */
    changedBy: text('changed_by'),
    /** Rearranged: how many hours' notice the other side had. */
    noticeHours: integer('notice_hours'),
    /** Missed: why, in words. */
    missedReason: text('missed_reason'),
    children: jsonb('children').$type<NoteChild[]>().notNull().default([]),
    othersPresent: text('others_present'),
    workingWell: text('working_well'),
    worries: text('worries'),
    needsToHappen: text('needs_to_happen'),
    familyWords: text('family_words'),
    status: text('status', { enum: ['draft', 'final'] })
      .notNull()
      .default('draft'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finalisedAt: timestamp('finalised_at', { withTimezone: true, mode: 'date' }),
    /** The story's MinHash signature (64 numbers), set when finalised: the copy-paste check compares these. */
    signature: signatureColumn('signature'),
    /** Whether its LSH band keys are in `note_bands` (false for notes finalised before they were kept). */
    banded: boolean('banded').notNull().default(false),
    /** Earlier notes this one was very like, kept anyway by its author (the check's record). */
    keptSimilar: jsonb('kept_similar').$type<{ noteId: string; score: number }[]>(),
  },
  (t) => [
    index('notes_council_family_idx').on(t.councilId, t.familyId, t.happenedAt),
    index('notes_council_author_idx').on(t.councilId, t.authorId, t.status),
  ],
)
export type Note = typeof notes.$inferSelect

/** A correction or addition to a finalised note: who, when, why. Append-only. */
export const noteAddenda = pgTable(
  'note_addenda',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('note_addenda_council_note_idx').on(t.councilId, t.noteId)],
)

/**
 * The LSH band keys of each finalised note (64 a note, see `lshBands`): the copy-paste check asks
 * for the notes sharing a key with the new one, through the index, instead of reading them all.
 */
export const noteBands = pgTable(
  'note_bands',
  {
    councilId: councilId().references(() => councils.id),
    band: integer('band').notNull(),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.band, t.noteId] }), index('note_bands_note_idx').on(t.noteId)],
)
