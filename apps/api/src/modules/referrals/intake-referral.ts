import type { Deps } from '../../kernel/context'
import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { writeAudit, type AuditEntry } from '@hearth/db/audit'
import { placeContactHold } from '@hearth/db/contact'
import { newLaChildId, nextReference } from '@hearth/db/references'
import { children, families } from '@hearth/db/schema/families'
import { patches } from '@hearth/db/schema/organisation'
import { referralChildren, referrals, type Referral } from '@hearth/db/schema/referrals'
import type { ReferralInput } from '@hearth/contracts/referrals'
import { findPatchForPostcode } from '@hearth/domain/postcode'
import { recordClockDue, startRecordClock } from '@hearth/db/record-clocks'
import { isProfessionalSource, type ReferralSource } from '@hearth/domain/referrals'
import { londonDateOf } from '@hearth/domain/working-days'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { isUniqueViolation, openTeamOf } from './referral-views'
import type { Caller } from '../../kernel/caller'

/**
 * Records a referral: the family (new or known), the children (new or linked), the decision
 * clock, all in one transaction. With an Idempotency-Key, sending the same request again
 * returns the first referral; the same key with a different request is refused.
 */
export async function intakeReferral(
  deps: Deps,
  caller: Caller,
  input: ReferralInput,
  idempotencyKey: string | null,
): Promise<{ referral: Referral; replayed: boolean }> {
  const { db } = deps
  const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex')
  const replay = async () => {
    if (!idempotencyKey) return null
    const [existing] = await db
      .select()
      .from(referrals)
      .where(and(eq(referrals.councilId, caller.councilId), eq(referrals.idempotencyKey, idempotencyKey)))
    if (!existing) return null
    if (existing.requestHash !== requestHash) {
      throw new AppError('conflict', 'This Idempotency-Key was already used for a different referral.', [
        { field: 'headers.idempotency-key', message: 'already used for a different request' },
      ])
    }
    return { referral: existing, replayed: true }
  }
  const earlier = await replay()
  if (earlier) return earlier

  const holidays = await councilHolidays(db, caller.councilId)
  try {
    const referral = await db.transaction(async (tx) => {
      // The family: a known one (checked to be this council's), or a new record.
      let familyId: string
      let createdFamily = false
      if ('existingFamilyId' in input.family) {
        const [fam] = await tx
          .select({ id: families.id })
          .from(families)
          .where(and(eq(families.councilId, caller.councilId), eq(families.id, input.family.existingFamilyId)))
        if (!fam) throw invalid('body.family.existingFamilyId', 'there is no such family in this council')
        familyId = fam.id
      } else {
        const f = input.family
        const patchList = await tx
          .select({ id: patches.id, postcodeAreas: patches.postcodeAreas })
          .from(patches)
          .where(eq(patches.councilId, caller.councilId))
        const [fam] = await tx
          .insert(families)
          .values({
            councilId: caller.councilId,
            reference: await nextReference(tx, 'family'),
            name: f.name,
            addressLine1: f.addressLine1,
            addressLine2: f.addressLine2 ?? null,
            town: f.town,
            postcode: f.postcode,
            language: f.language,
            interpreterNeeded: f.interpreterNeeded,
            patchId: findPatchForPostcode(f.postcode, patchList)?.id ?? null,
          })
          .returning({ id: families.id })
        familyId = fam!.id
        createdFamily = true
      }

      const openTeam = await openTeamOf(tx, caller.councilId, familyId)
      const startOn = londonDateOf(new Date(input.receivedAt))
      const due = await recordClockDue(tx, caller.councilId, 'referral_decision', startOn, holidays)
      const [ref] = await tx
        .insert(referrals)
        .values({
          councilId: caller.councilId,
          reference: await nextReference(tx, 'referral'),
          receivedAt: new Date(input.receivedAt),
          receivedBy: caller.audit.actorPersonId!,
          source: input.source,
          referrerName: input.referrerName ?? null,
          referrerOrganisation: input.referrerOrganisation ?? null,
          referrerContact: input.referrerContact ?? null,
          worries: input.worries,
          familyKnowledge: input.familyKnowledge ?? null,
          familyConsent: input.familyConsent,
          familyId,
          dueDate: due.dueOn,
          dueAt: due.lateAt,
          openCaseTeamId: openTeam,
          idempotencyKey,
          requestHash: idempotencyKey ? requestHash : null,
        })
        .returning()
      const clock = { clock: 'referral_decision', recordId: ref!.id, familyId, startOn } as const
      await startRecordClock(tx, caller.councilId, clock, due.dueOn)

      const audit: AuditEntry[] = [
        {
          ...caller.audit,
          action: 'referral.create',
          recordType: 'referral',
          recordId: ref!.id,
          familyId,
          details: { createdFamily, declinedMatches: input.declinedMatches },
        },
      ]
      if (createdFamily)
        audit.push({
          ...caller.audit,
          action: 'family.create',
          recordType: 'family',
          recordId: familyId,
          familyId,
          details: { via: 'referral' },
        })
      const seen = new Set<string>()
      for (const [i, c] of input.children.entries()) {
        let childId: string
        let linked: boolean
        if ('existingChildId' in c) {
          const [known] = await tx
            .select()
            .from(children)
            .where(and(eq(children.councilId, caller.councilId), eq(children.id, c.existingChildId)))
          if (!known) throw invalid(`body.children.${i}.existingChildId`, 'there is no such child in this council')
          if (known.familyId !== familyId)
            throw invalid(
              `body.children.${i}.existingChildId`,
              'this child belongs to another family record: link that family instead',
            )
          childId = known.id
          linked = true
        } else {
          const [row] = await tx
            .insert(children)
            .values({
              councilId: caller.councilId,
              familyId,
              laChildId: newLaChildId(),
              firstName: c.firstName,
              lastName: c.lastName,
              dateOfBirth: c.dateOfBirth ?? null,
              expectedDateOfBirth: c.expectedDateOfBirth ?? null,
              sex: c.sex,
              ethnicity: c.ethnicity,
              nhsNumber: c.nhsNumber ?? null,
            })
            .returning({ id: children.id })
          childId = row!.id
          linked = false
        }
        if (seen.has(childId)) throw invalid(`body.children.${i}`, 'this child is listed twice')
        seen.add(childId)
        await tx.insert(referralChildren).values({ councilId: caller.councilId, referralId: ref!.id, childId, linked })
        audit.push({
          ...caller.audit,
          action: linked ? 'child.link' : 'child.create',
          recordType: 'child',
          recordId: childId,
          familyId,
          childId,
          details: { referralId: ref!.id },
        })
      }
      // The family does not know: nothing Hearth sends by itself may reach them until the lead decides.
      if (input.familyConsent === 'not_aware') {
        const holdId = await placeContactHold(tx, {
          councilId: caller.councilId,
          familyId,
          reason: 'family_not_aware',
          referralId: ref!.id,
          startedBy: caller.audit.actorPersonId,
        })
        if (holdId)
          audit.push({
            ...caller.audit,
            action: 'contact_hold.place',
            recordType: 'contact_hold',
            recordId: holdId,
            familyId,
          })
      }
      await writeAudit(tx, audit)
      if (openTeam)
        await enqueueInTx(tx, caller.councilId, 'referral.open_case_alert', {
          councilId: caller.councilId,
          referralId: ref!.id,
          teamId: openTeam,
        })
      // A professional referrer is thanked and told it arrived: work for the enablers.
      if (isProfessionalSource(input.source as ReferralSource))
        await enqueueInTx(tx, caller.councilId, 'admin.tasks', {
          councilId: caller.councilId,
          trigger: 'referral.received',
          subjectId: ref!.id,
        })
      return ref!
    })
    return { referral, replayed: false }
  } catch (err) {
    // A concurrent request with the same key committed first: answer with its referral.
    if (idempotencyKey && isUniqueViolation(err, 'referrals_council_idempotency_uq')) {
      const first = await replay()
      if (first) return first
    }
    throw err
  }
}
