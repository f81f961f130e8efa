import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { councils } from '@hearth/db/schema/councils'
import type { AdminTask } from '@hearth/db/schema/enablers'
import { families } from '@hearth/db/schema/families'
import { familyLinks } from '@hearth/db/schema/family-voice'
import { teams } from '@hearth/db/schema/organisation'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { linkHash, newToken } from '../../kernel/tokens'
import { letterAddress } from '../enablers/task-queries'
import { linkUrl } from './create-link'
import { renderLinkLetter } from './link-letter'
import { linkPeople } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/**
 * The letter that sends a family their link, made when an enabler prints it and never kept: the
 * link gets a new address there and then (the one before, if any, stops working), so no stored
 * letter, export or answer holds an address that opens the family's page. The short code is bound
 * to the link, not its address, and stays as given. A stopped or expired link prints nothing.
 */
export async function printLinkLetter(deps: Deps, caller: Caller, task: AdminTask, origin: string): Promise<Buffer> {
  const linkId = task.sourceKey.startsWith('link:') ? task.sourceKey.slice('link:'.length) : null
  if (!linkId) throw new AppError('conflict', 'This letter has no link. Ask the family’s worker to issue one.')
  return deps.db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(familyLinks)
      .where(and(eq(familyLinks.councilId, caller.councilId), eq(familyLinks.id, linkId)))
      .for('update')
    if (!link || link.revokedAt || link.expiresAt.getTime() <= Date.now())
      throw new AppError(
        'conflict',
        'This link has been stopped or has expired. Ask the family’s worker for a new one.',
      )
    const token = `${caller.councilId}.${newToken()}`
    await tx
      .update(familyLinks)
      .set({ tokenHash: linkHash(token) })
      .where(and(eq(familyLinks.councilId, caller.councilId), eq(familyLinks.id, linkId)))
    const { people } = await linkPeople(tx, caller.councilId, link.familyId)
    const holder = people.find((p) => p.id === (link.adultId ?? link.childId))
    const [family] = await tx
      .select()
      .from(families)
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, link.familyId)))
    const [council] = await tx.select({ name: councils.name }).from(councils).where(eq(councils.id, caller.councilId))
    const [team] = task.teamId
      ? await tx
          .select({ name: teams.name, phone: teams.phone })
          .from(teams)
          .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, task.teamId)))
      : []
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family_link.letter_printed',
      recordType: 'family_link',
      recordId: linkId,
      familyId: link.familyId,
      details: { taskId: task.id },
    })
    return renderLinkLetter({
      councilName: council?.name ?? '',
      language: link.language as 'en',
      toName: holder?.name ?? '',
      address: letterAddress(family!),
      url: linkUrl(origin, token),
      withCode: !!link.codeHash,
      teamLine: team ? `${team.name}${team.phone ? `: ${team.phone}` : ''}` : '',
    })
  })
}
