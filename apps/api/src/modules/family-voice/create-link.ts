import { randomInt, randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import QRCode from 'qrcode'
import { writeAudit } from '@hearth/db/audit'
import { openContactHolds, unsafePeople } from '@hearth/db/contact'
import { createTask } from '@hearth/db/enablers'
import { familyLinks } from '@hearth/db/schema/family-voice'
import { allocations } from '@hearth/db/schema/team-board'
import { CONTACT_HOLD_REASONS, type ContactHoldReason } from '@hearth/domain/contact-holds'
import type { CreateLinkInput, CreatedLink } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { codeHash, linkHash, newToken } from '../../kernel/tokens'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { leadOf } from '../contact/contact-queries'
import { linkPeople, linkSummaries, voiceSettings } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/** The page a link opens: the token after `#`, so it never reaches a server log or a Referer. */
export const linkUrl = (origin: string, token: string) => `${origin.replace(/\/$/, '')}/family#${token}`

/** The family's lead or a co-worker (the people who work with the family) may issue a link. */
export async function assertWorksWithFamily(ex: Parameters<typeof leadOf>[0], caller: Caller, familyId: string) {
  const [mine] = await ex
    .select({ id: allocations.id })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, caller.councilId),
        eq(allocations.familyId, familyId),
        eq(allocations.personId, caller.audit.actorPersonId!),
        isNull(allocations.endedAt),
      ),
    )
  if (!mine)
    throw new AppError('forbidden', 'Only the family’s lead or co-worker can issue or change the family’s link.')
}

/**
 * Issues a private link to one adult or young person of the family. While contact with the
 * family is held, only the lead may issue one, and only with a recorded decision saying why.
 * The token is returned once; only its hash is kept. Sent by letter, the letter is made when it is
 * printed, with a new address for the link (printLinkLetter).
 */
export async function createLink(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: CreateLinkInput,
  origin: string,
): Promise<CreatedLink> {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  // the council first: any API process finds the link's server from the token alone
  const token = `${caller.councilId}.${newToken()}`
  const code = input.withCode ? String(randomInt(0, 1_000_000)).padStart(6, '0') : null
  const url = linkUrl(origin, token)
  const result = await db.transaction(async (tx) => {
    await assertWorksWithFamily(tx, caller, familyId)
    const { people, language } = await linkPeople(tx, caller.councilId, familyId)
    const holder = people.find((p) =>
      input.adultId ? p.kind === 'adult' && p.id === input.adultId : p.kind === 'child' && p.id === input.childId,
    )
    if (!holder)
      throw input.adultId
        ? invalid('body.adultId', 'choose an adult of this family')
        : invalid('body.childId', 'choose a young person of this family aged 12 or over')
    const open = await openContactHolds(tx, caller.councilId, familyId)
    // a link to someone marked not safe for a child of the family is held like every other contact
    const unsafe = (await unsafePeople(tx, caller.councilId, familyId)).some((u) =>
      holder.kind === 'adult' ? u.adultId === holder.id : u.childId === holder.id,
    )
    const reasons = [
      ...open.map((h) => CONTACT_HOLD_REASONS[h.reason as ContactHoldReason].toLowerCase()),
      ...(unsafe ? [`${holder.name} is marked not safe for a child of the family`] : []),
    ]
    if (reasons.length && !input.holdDecision) {
      throw new AppError(
        'conflict',
        `Contact with the family is held (${reasons.join('; ')}). ` +
          'The lead decides whether the family may have a link now, and says why.',
      )
    }
    if (reasons.length && (await leadOf(tx, caller.councilId, familyId)) !== caller.audit.actorPersonId) {
      throw new AppError('forbidden', 'Only the family’s lead can decide to issue a link while contact is held.')
    }
    const settings = await voiceSettings(tx, caller.councilId)
    const days = input.days ?? settings.linkDays
    const now = new Date()
    const tokenHash = linkHash(token)
    // the code is bound to the link, not to its address, so a letter printed later keeps it
    const linkId = randomUUID()
    const [row] = await tx
      .insert(familyLinks)
      .values({
        id: linkId,
        councilId: caller.councilId,
        familyId,
        adultId: holder.kind === 'adult' ? holder.id : null,
        childId: holder.kind === 'child' ? holder.id : null,
        tokenHash,
        codeHash: code ? codeHash(linkId, code) : null,
        language: input.language ?? language,
        expiresAt: new Date(now.getTime() + days * 86_400_000),
        createdBy: caller.audit.actorPersonId!,
        ...(reasons.length
          ? { holdDecision: input.holdDecision!, holdDecisionAt: now, holdDecisionBy: caller.audit.actorPersonId }
          : {}),
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family_link.issue',
      recordType: 'family_link',
      recordId: row!.id,
      familyId,
      childId: row!.childId,
      details: {
        issuedTo: holder.kind === 'adult' ? { adultId: holder.id } : { childId: holder.id },
        days,
        withCode: !!code,
        send: input.send,
        despiteHold: reasons.length > 0,
      },
    })
    let taskId: string | null = null
    if (input.send === 'letter') {
      const teamId = await holdingTeamId(tx as never, caller.councilId, familyId)
      taskId = await createTask(tx, {
        councilId: caller.councilId,
        sourceKey: `link:${row!.id}`,
        taskType: 'family_link_letter',
        teamId,
        familyId,
        requestedBy: caller.audit.actorPersonId,
        details: `The family link for ${holder.name}. Print the letter and post it.`,
      })
      // the letter is made when an enabler prints it (printLinkLetter), with the link's address
      // made then: no letter holding the address is ever kept
    }
    return { row: row!, taskId }
  })
  const [link] = await linkSummaries(db, caller.councilId, [result.row])
  return {
    link: link!,
    url,
    code,
    qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    taskId: result.taskId,
  }
}
