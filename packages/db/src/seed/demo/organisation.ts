import type { Role, TeamKind } from '@hearth/domain/roles'
import type { Tx } from '../../client'
import { memberships, patches, people, teams } from '../../schema'
import { DEMO_SIGN_INS, PRACTITIONER_NAMES } from './data'

export type DemoCouncil = Awaited<ReturnType<typeof seedOrganisation>>

/** Patches, the five kinds of team, and people of every role (the named demo sign-ins among them). */
export async function seedOrganisation(
  tx: Tx,
  o: { councilId: string; area: string; domain: string; passwordHash: string },
) {
  const { councilId, area, domain, passwordHash } = o
  const patchSpecs = [
    { name: 'Eastfield', postcodeAreas: [`${area}1`, `${area}2`] },
    { name: 'Riverside', postcodeAreas: [`${area}3`, `${area}4`] },
    { name: 'Oakhill', postcodeAreas: [`${area}5`, `${area}6`] },
  ]
  const patchRows = await tx
    .insert(patches)
    .values(patchSpecs.map((p) => ({ ...p, councilId })))
    .returning()

  // phone lines in Ofcom's range for drama (01632 960000-960999): they reach nobody
  const teamSpecs: { name: string; kind: TeamKind; patchId?: string; phone?: string }[] = [
    ...patchRows.map((p, i) => ({
      name: `${p.name} family team`,
      kind: 'family_facing' as const,
      patchId: p.id,
      phone: `01632 960 ${101 + i}`,
    })),
    { name: 'Front door referral team', kind: 'referral' },
    { name: 'Enabler team', kind: 'enabler' },
    { name: 'Insight team', kind: 'insight' },
    { name: 'Strategy team', kind: 'strategy' },
  ]
  const teamRows = await tx
    .insert(teams)
    .values(teamSpecs.map((t) => ({ ...t, councilId })))
    .returning()
  const teamIds = Object.fromEntries(teamRows.map((t) => [t.name, t.id]))

  const email = (local: string) => `${local}@${domain}`
  const peopleSpecs: { name: string; email: string; roles: Role[]; teams: string[] }[] = []
  const ffTeams = teamRows.filter((t) => t.kind === 'family_facing')
  // The named demo practitioner is the first of Eastfield's eight.
  const signIn = (role: Role) => DEMO_SIGN_INS.find((s) => s.role === role)!
  peopleSpecs.push({
    name: signIn('practitioner').name,
    email: email('practitioner'),
    roles: ['practitioner'],
    teams: [ffTeams[0]!.id],
  })
  let nameIndex = 0
  ffTeams.forEach((team, ti) => {
    for (let i = ti === 0 ? 1 : 0; i < 8; i++) {
      const name = PRACTITIONER_NAMES[nameIndex++ % PRACTITIONER_NAMES.length]!
      const local = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}`
      peopleSpecs.push({ name, email: email(local), roles: ['practitioner'], teams: [team.id] })
    }
  })
  const byKind = (k: TeamKind) => teamRows.find((t) => t.kind === k)!.id
  peopleSpecs.push({
    name: signIn('referral_officer').name,
    email: email('referrals'),
    roles: ['referral_officer'],
    teams: [byKind('referral')],
  })
  peopleSpecs.push({
    name: 'Rhys Ridgeway',
    email: email('rhys.ridgeway'),
    roles: ['referral_officer'],
    teams: [byKind('referral')],
  })
  peopleSpecs.push({
    name: 'Rosa Redfern',
    email: email('rosa.redfern'),
    roles: ['referral_officer'],
    teams: [byKind('referral')],
  })
  peopleSpecs.push({
    name: signIn('enabler').name,
    email: email('enabler'),
    roles: ['enabler'],
    teams: [byKind('enabler')],
  })
  peopleSpecs.push({
    name: 'Eli Eastwick',
    email: email('eli.eastwick'),
    roles: ['enabler'],
    teams: [byKind('enabler')],
  })
  peopleSpecs.push({
    name: 'Emma Everleigh',
    email: email('emma.everleigh'),
    roles: ['enabler'],
    teams: [byKind('enabler')],
  })
  peopleSpecs.push({
    name: signIn('insight_adviser').name,
    email: email('insight'),
    roles: ['insight_adviser'],
    teams: [byKind('insight')],
  })
  peopleSpecs.push({
    name: 'Ivan Inglewood',
    email: email('ivan.inglewood'),
    roles: ['insight_adviser'],
    teams: [byKind('insight')],
  })
  peopleSpecs.push({
    name: signIn('strategy_member').name,
    email: email('strategy'),
    roles: ['strategy_member'],
    teams: [byKind('strategy')],
  })
  peopleSpecs.push({
    name: 'Sofia Stonebridge',
    email: email('sofia.stonebridge'),
    roles: ['strategy_member'],
    teams: [byKind('strategy')],
  })
  peopleSpecs.push({ name: signIn('administrator').name, email: email('admin'), roles: ['administrator'], teams: [] })
  peopleSpecs.push({
    name: signIn('information_governance').name,
    email: email('governance'),
    roles: ['information_governance'],
    teams: [],
  })
  // a second administrator: roles given by one take effect when the other approves them
  peopleSpecs.push({ name: 'Abel Adminson', email: email('abel.adminson'), roles: ['administrator'], teams: [] })

  const personRows = await tx
    .insert(people)
    .values(peopleSpecs.map((p) => ({ councilId, name: p.name, email: p.email, roles: p.roles, passwordHash })))
    .returning()
  const membershipValues = peopleSpecs.flatMap((p, i) =>
    p.teams.map((teamId) => ({ councilId, teamId, personId: personRows[i]!.id })),
  )
  await tx.insert(memberships).values(membershipValues)

  return { councilId, patchRows, teamRows, teamIds, ffTeams, peopleSpecs, personRows, email }
}
