import { and, eq, ne, sql } from 'drizzle-orm'
import type { Tx } from '../../client'
import { adminTasks, commissions, insightRequests, allocations } from '../../schema'
import type { DemoCouncil } from './organisation'

type Lead = typeof allocations.$inferSelect

/**
 * The insight team has work: a consultation waiting too long, coaching just asked, advice given,
 * a commission to arrange; and ten weeks of history so the team figures have a story.
 */
export async function seedInsight(tx: Tx, org: DemoCouncil, priya: { id: string }, priyaLead: Lead) {
  const { councilId, ffTeams, personRows, email } = org
  const ivan = personRows.find((p) => p.email === email('ivan.inglewood'))!
  const [other] = await tx
    .select()
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        eq(allocations.teamId, priyaLead.teamId),
        eq(allocations.role, 'lead'),
        ne(allocations.familyId, priyaLead.familyId),
      ),
    )
  const daysAgo = (d: number, h = 0) => new Date(Date.now() - d * 86_400_000 - h * 3_600_000)
  await tx.insert(insightRequests).values([
    {
      councilId,
      kind: 'consultation',
      topic: 'exploitation',
      teamId: priyaLead.teamId,
      familyId: priyaLead.familyId,
      askedBy: priya.id,
      askedAt: daysAgo(6),
      question:
        'The eldest has been missing twice this month and came back with a new phone. Is this criminal exploitation, and what should we do first?',
    },
    {
      councilId,
      kind: 'coaching',
      topic: 'systemic_case_discussion',
      teamId: priyaLead.teamId,
      askedBy: priya.id,
      askedAt: daysAgo(0, 2),
      question:
        'Two of our families are stuck: every plan we make falls apart by the next visit. We would like a systemic case discussion with the whole team.',
    },
    {
      councilId,
      kind: 'consultation',
      topic: 'mental_health',
      teamId: priyaLead.teamId,
      familyId: (other ?? priyaLead).familyId,
      askedBy: priya.id,
      askedAt: daysAgo(9),
      status: 'advice_given',
      question:
        'Dad has not left the house for three weeks and the children are doing the shopping. How do we talk to him about it, and who should we bring in?',
      takenBy: ivan.id,
      takenAt: daysAgo(8),
      sessionAt: daysAgo(7),
      sessionMinutes: 60,
      attendees: 'Priya, her co-worker and Ivan',
      adviceAt: daysAgo(7),
      advice:
        'Start with what dad is proud of: the children are fed and at school. Ask him what a good day looks like and what gets in the way. With his agreement, ask the GP for a home visit this week; the talking therapies team takes self-referrals by phone. Keep the children out of the caring role: the young carers club can give them a break on Thursdays.',
    },
  ])
  await tx.insert(commissions).values({
    councilId,
    teamId: priyaLead.teamId,
    familyId: priyaLead.familyId,
    askedBy: priya.id,
    askedAt: daysAgo(1),
    need: 'A mentor who knows the local youth scene, two evenings a week',
    why: 'The eldest trusts nobody from the council; the youth hub does not cover this patch in the evenings and nothing else listed fits.',
    familyView: '“He listens to people who have been there.”',
    weeks: 12,
    budgetPence: 360_000,
  })

  // Ten weeks of history, so the figures have a story: families taken on over the weeks,
  // children known before that, admin done for each team, consultations that waited.
  await tx.execute(sql`update children set created_at = now() - interval '120 days' where council_id = ${councilId}`)
  await tx.execute(
    sql`update allocations set started_at = now() - make_interval(days => 3 + (abs(hashtext(family_id::text)) % 70)) where council_id = ${councilId} and ended_at is null`,
  )
  const enabler = personRows.find((p) => p.email === email('enabler'))!
  const history: (typeof adminTasks.$inferInsert)[] = []
  const asked: (typeof insightRequests.$inferInsert)[] = []
  for (const [ti, team] of ffTeams.entries()) {
    for (let week = 1; week <= 10; week++) {
      for (let n = 0; n < 2 + ((week + ti) % 3); n++) {
        const created = daysAgo(week * 7 - n, 3 + n)
        const hours = 2 + ((week * 7 + n * 5 + ti * 3) % 40)
        history.push({
          councilId,
          sourceKey: `demo-history:${team.id}:${week}:${n}`,
          taskType: n % 2 ? 'interpreter_booking' : 'visit_confirmation',
          teamId: team.id,
          dueAt: new Date(created.getTime() + 24 * 3600_000),
          minutesSaved: n % 2 ? 30 : 15,
          status: 'done',
          createdAt: created,
          completedAt: new Date(created.getTime() + hours * 3600_000),
          completedBy: enabler.id,
          outcome: 'Done (demo history).',
        })
      }
      if ((week + ti) % 3 === 0) {
        const at = daysAgo(week * 7, 1)
        asked.push({
          councilId,
          kind: 'consultation',
          topic: week % 2 ? 'domestic_abuse' : 'disability',
          teamId: team.id,
          question: 'A question from the demo history.',
          askedBy: priya.id,
          askedAt: at,
          status: 'advice_given',
          takenBy: ivan.id,
          takenAt: new Date(at.getTime() + (6 + week * 3) * 3600_000),
          advice: 'Advice from the demo history, for the figures.',
          adviceAt: new Date(at.getTime() + (30 + week * 3) * 3600_000),
        })
      }
    }
  }
  await tx.insert(adminTasks).values(history)
  await tx.insert(insightRequests).values(asked)
}
