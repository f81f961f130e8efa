import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@hearth/domain'
import { makeTestApp, signInAs, type Session, type TestApp } from '../../../test/helpers/app'
import { freshPgDatabase, seedTwoCouncils } from '../../../test/helpers/db'

let t: TestApp
let dbx: Awaited<ReturnType<typeof freshPgDatabase>>
const sessions = new Map<Role, Session>()
let ids: Record<string, string> = {}

/**
 * For every write route: bad bodies, each with the field that must be named. A write route
 * missing from this table fails the first test, so new routes come with their bad-input case.
 */
const BAD: Record<string, { as: Role; cases: { body: unknown; field: string }[] }> = {
  'POST /api/auth/sign-in': {
    as: 'administrator',
    cases: [
      { body: { email: 'x', password: 'y' }, field: 'body.email' },
      { body: { email: 'a@b.example' }, field: 'body.password' },
    ],
  },
  'POST /api/auth/sign-out': { as: 'administrator', cases: [] },
  'POST /api/patches': {
    as: 'administrator',
    cases: [
      { body: { name: '', postcodeAreas: ['NM7'] }, field: 'body.name' },
      { body: { name: 'Bad area', postcodeAreas: ['not a postcode'] }, field: 'body.postcodeAreas.0' },
      { body: { name: 'No areas', postcodeAreas: [] }, field: 'body.postcodeAreas' },
    ],
  },
  'PATCH /api/patches/:id': {
    as: 'administrator',
    cases: [
      { body: { postcodeAreas: ['??'] }, field: 'body.postcodeAreas.0' },
      { body: { name: '   ' }, field: 'body.name' },
    ],
  },
  'POST /api/teams': {
    as: 'administrator',
    cases: [
      { body: { name: 'A team', kind: 'squad' }, field: 'body.kind' },
      { body: { name: 'Patchless', kind: 'family_facing' }, field: 'body.patchId' },
      { body: { name: 'Capped', kind: 'enabler', caseloadCap: 0 }, field: 'body.caseloadCap' },
    ],
  },
  'PATCH /api/teams/:id': {
    as: 'administrator',
    cases: [
      { body: { caseloadCap: 99 }, field: 'body.caseloadCap' },
      { body: { patchId: 'not-a-uuid' }, field: 'body.patchId' },
    ],
  },
  'POST /api/teams/:id/members': {
    as: 'administrator',
    cases: [
      { body: {}, field: 'body.personId' },
      { body: { personId: '00000000-0000-4000-8000-000000000000' }, field: 'body.personId' },
    ],
  },
  'DELETE /api/teams/:id/members/:personId': { as: 'administrator', cases: [] },
  'POST /api/people': {
    as: 'administrator',
    cases: [
      { body: { name: 'N', email: 'nope', roles: ['enabler'], password: 'long-enough-password' }, field: 'body.email' },
      {
        body: { name: 'N', email: 'n@northmoor.example', roles: ['wizard'], password: 'long-enough-password' },
        field: 'body.roles.0',
      },
      {
        body: { name: 'N', email: 'n@northmoor.example', roles: [], password: 'long-enough-password' },
        field: 'body.roles',
      },
      {
        body: { name: 'N', email: 'n@northmoor.example', roles: ['enabler'], password: 'short' },
        field: 'body.password',
      },
    ],
  },
  'PATCH /api/people/:id': {
    as: 'administrator',
    cases: [
      { body: { roles: ['administrator', 'administrator'] }, field: 'body.roles' },
      { body: { active: 'no' }, field: 'body.active' },
    ],
  },
  'POST /api/families': {
    as: 'referral_officer',
    cases: [
      {
        body: { name: 'Fam', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NOT A POSTCODE' },
        field: 'body.postcode',
      },
      { body: { name: '', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NM1 4AB' }, field: 'body.name' },
      { body: { name: 'Fam', town: 'Northmoor', postcode: 'NM1 4AB' }, field: 'body.addressLine1' },
    ],
  },
  'PATCH /api/families/:id': {
    as: 'referral_officer',
    cases: [
      { body: { postcode: '1234' }, field: 'body.postcode' },
      { body: { interpreterNeeded: 'yes' }, field: 'body.interpreterNeeded' },
    ],
  },
  'POST /api/families/:id/children': {
    as: 'referral_officer',
    cases: [
      { body: { lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F' }, field: 'body.firstName' },
      {
        body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-02-30', sex: 'F' },
        field: 'body.dateOfBirth',
      },
      { body: { firstName: 'A', lastName: 'Testwood', sex: 'F' }, field: 'body.dateOfBirth' },
      {
        body: {
          firstName: 'A',
          lastName: 'Testwood',
          dateOfBirth: '2020-01-01',
          expectedDateOfBirth: '2027-01-01',
          sex: 'U',
        },
        field: 'body.expectedDateOfBirth',
      },
      {
        body: { firstName: 'A', lastName: 'Testwood', expectedDateOfBirth: '2027-01-01', sex: 'F' },
        field: 'body.sex',
      },
      {
        body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', nhsNumber: '9434765918' },
        field: 'body.nhsNumber',
      },
      {
        body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', upn: 'A99912345678X' },
        field: 'body.upn',
      },
      {
        body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'F', ethnicity: 'XXXX' },
        field: 'body.ethnicity',
      },
      { body: { firstName: 'A', lastName: 'Testwood', dateOfBirth: '2020-01-01', sex: 'Q' }, field: 'body.sex' },
    ],
  },
  'POST /api/families/:id/adults': {
    as: 'referral_officer',
    cases: [
      { body: { name: '' }, field: 'body.name' },
      { body: { name: 'A', phone: 'x'.repeat(41) }, field: 'body.phone' },
    ],
  },
  'POST /api/families/:id/relationships': {
    as: 'referral_officer',
    cases: [
      { body: { adultId: 'x', childId: 'y', kind: 'parent' }, field: 'body.adultId' },
      {
        body: {
          adultId: '00000000-0000-4000-8000-000000000000',
          childId: '00000000-0000-4000-8000-000000000000',
          kind: 'best_mate',
        },
        field: 'body.kind',
      },
      {
        body: {
          adultId: '00000000-0000-4000-8000-000000000000',
          childId: '00000000-0000-4000-8000-000000000000',
          kind: 'parent',
        },
        field: 'body.adultId',
      },
    ],
  },
  'PATCH /api/children/:id': {
    as: 'referral_officer',
    cases: [
      { body: { nhsNumber: '1234567890' }, field: 'body.nhsNumber' },
      { body: { expectedDateOfBirth: '2027-05-01' }, field: 'body.expectedDateOfBirth' },
      { body: { dateOfBirth: null }, field: 'body.dateOfBirth' },
    ],
  },
  'POST /api/audit/exports': {
    as: 'administrator',
    cases: [
      { body: { from: '2026-13-01' }, field: 'body.from' },
      { body: { personId: 'someone' }, field: 'body.personId' },
    ],
  },
  'POST /api/admin/dead-letters/:queue/:jobId/retry': { as: 'administrator', cases: [] },
  'POST /api/referrals': {
    as: 'referral_officer',
    cases: [
      { body: { ...goodReferral(), children: [] }, field: 'body.children' },
      { body: { ...goodReferral(), source: '11Z' }, field: 'body.source' },
      {
        body: {
          ...goodReferral(),
          family: { name: 'Fam', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NOT A POSTCODE' },
        },
        field: 'body.family.postcode',
      },
      { body: { ...goodReferral(), worries: '' }, field: 'body.worries' },
      { body: { ...goodReferral(), referrerName: null }, field: 'body.referrerName' },
      { body: { ...goodReferral(), receivedAt: '2099-01-01T09:00:00Z' }, field: 'body.receivedAt' },
      { body: { ...goodReferral(), receivedAt: 'yesterday' }, field: 'body.receivedAt' },
      {
        body: { ...goodReferral(), children: [{ existingChildId: '00000000-0000-4000-8000-000000000000' }] },
        field: 'body.children.0.existingChildId',
      },
      {
        body: { ...goodReferral(), family: { existingFamilyId: '00000000-0000-4000-8000-000000000000' } },
        field: 'body.family.existingFamilyId',
      },
    ],
  },
  'POST /api/referrals/:id/decision': {
    as: 'referral_officer',
    cases: [
      { body: { decision: 'assessment', reasons: 'The child needs an assessment.' }, field: 'body.primaryNeedCode' },
      { body: { decision: 'assessment' }, field: 'body.reasons' },
      { body: { decision: 'nfa', reasons: 'short' }, field: 'body.reasons' },
      { body: { decision: 'ignore', reasons: 'Not a real decision at all.' }, field: 'body.decision' },
      {
        body: { decision: 'assessment', reasons: 'The child needs an assessment.', primaryNeedCode: 'N11' },
        field: 'body.primaryNeedCode',
      },
    ],
  },
  'POST /api/referrals/:id/route': {
    as: 'referral_officer',
    cases: [
      { body: {}, field: 'body.teamId' },
      { body: { teamId: '00000000-0000-4000-8000-000000000000' }, field: 'body.teamId' },
    ],
  },
  'POST /api/bank-holidays': {
    as: 'administrator',
    cases: [
      { body: { date: '2026-02-30', name: 'Not a day' }, field: 'body.date' },
      { body: { date: '2026-07-01', name: '' }, field: 'body.name' },
    ],
  },
  'DELETE /api/bank-holidays/:date': { as: 'administrator', cases: [] },
  'POST /api/teams/:id/offers/:offerId/claim': {
    as: 'practitioner',
    cases: [
      { body: { coWorkerId: 'someone' }, field: 'body.coWorkerId' },
      { body: { presentIds: ['x'] }, field: 'body.presentIds.0' },
      { body: { coWorkerId: '00000000-0000-4000-8000-000000000000' }, field: 'body.coWorkerId' },
    ],
  },
  'POST /api/families/:id/workers': {
    as: 'practitioner',
    cases: [
      {
        body: { leadId: '00000000-0000-4000-8000-000000000000', coWorkerIds: [], reason: 'Going on leave' },
        field: 'body.coWorkerIds',
      },
      {
        body: {
          leadId: '00000000-0000-4000-8000-000000000000',
          coWorkerIds: ['00000000-0000-4000-8000-000000000001'],
          reason: '',
        },
        field: 'body.reason',
      },
    ],
  },
  'POST /api/teams/:id/decisions': { as: 'practitioner', cases: [{ body: { summary: '' }, field: 'body.summary' }] },
  'PUT /api/teams/:id/members/:personId/cap': {
    as: 'practitioner',
    cases: [
      { body: { cap: 0, reason: 'Part-time this term' }, field: 'body.cap' },
      { body: { cap: 12 }, field: 'body.reason' },
    ],
  },
  'PUT /api/teams/:id/rota/:day': {
    as: 'practitioner',
    cases: [
      { body: { personId: 'x' }, field: 'body.personId' },
      { body: { personId: '00000000-0000-4000-8000-000000000000' }, field: 'body.personId' },
    ],
  },
  'POST /api/families/:id/visits': {
    as: 'practitioner',
    cases: [
      { body: { kind: 'party', startsAt: '2026-12-01T10:00:00Z', place: 'Home' }, field: 'body.kind' },
      { body: { kind: 'home_visit', startsAt: 'tomorrow', place: 'Home' }, field: 'body.startsAt' },
      { body: { kind: 'home_visit', startsAt: '2026-12-01T10:00:00Z', place: '' }, field: 'body.place' },
      {
        body: {
          kind: 'home_visit',
          startsAt: '2026-12-01T10:00:00Z',
          place: 'Home',
          attendeeIds: ['00000000-0000-4000-8000-000000000000'],
        },
        field: 'body.attendeeIds.0',
      },
    ],
  },
  'PATCH /api/visits/:id': {
    as: 'practitioner',
    cases: [
      { body: { reason: 'Family asked' }, field: 'body.startsAt' },
      { body: { place: 'Office' }, field: 'body.reason' },
    ],
  },
  'POST /api/visits/:id/cancel': { as: 'practitioner', cases: [{ body: { reason: '' }, field: 'body.reason' }] },
  'POST /api/tasks/:id/claim': { as: 'enabler', cases: [] },
  'POST /api/spend-thresholds': {
    as: 'administrator',
    cases: [
      {
        body: { signOffPence: -1, secondApproverPence: 10, decisionWorkingDays: 5, reason: 'Because' },
        field: 'body.signOffPence',
      },
      {
        body: { signOffPence: 500000, secondApproverPence: 100, decisionWorkingDays: 5, reason: 'Because' },
        field: 'body.secondApproverPence',
      },
      { body: { signOffPence: 5, secondApproverPence: 10, decisionWorkingDays: 5 }, field: 'body.reason' },
    ],
  },
  'POST /api/families/:id/proposals': {
    as: 'practitioner',
    cases: [
      {
        body: {
          what: 'x',
          forWhom: 'y',
          why: 'z',
          weeklyPence: 0,
          weeks: 1,
          alternatives: 'a',
          familyView: 'b',
          conversationStage: 3,
        },
        field: 'body.weeklyPence',
      },
      {
        body: {
          what: 'x',
          forWhom: 'y',
          why: 'z',
          weeklyPence: 100,
          weeks: 1,
          alternatives: 'a',
          familyView: 'b',
          conversationStage: 4,
        },
        field: 'body.conversationStage',
      },
      {
        body: {
          what: 'x',
          forWhom: 'y',
          why: 'z',
          weeklyPence: 100,
          weeks: 1,
          alternatives: 'a',
          conversationStage: 3,
        },
        field: 'body.familyView',
      },
    ],
  },
  'POST /api/proposals/:id/decision': { as: 'administrator', cases: [] },
  'POST /api/proposals/:id/resubmit': { as: 'practitioner', cases: [{ body: { why: '' }, field: 'body.why' }] },
  'POST /api/tasks/:id/release': { as: 'enabler', cases: [] },
  'POST /api/tasks/:id/complete': {
    as: 'enabler',
    cases: [
      { body: { outcome: '' }, field: 'body.outcome' },
      { body: { outcome: 'Sent', reference: 'x'.repeat(201) }, field: 'body.reference' },
    ],
  },
  'POST /api/families/:id/ask-enabler': {
    as: 'practitioner',
    cases: [
      { body: { request: '  ' }, field: 'body.request' },
      { body: {}, field: 'body.request' },
    ],
  },
  'POST /api/insight/settings': {
    as: 'administrator',
    cases: [
      { body: { waitWorkingDays: 0 }, field: 'body.waitWorkingDays' },
      { body: {}, field: 'body.waitWorkingDays' },
    ],
  },
  'POST /api/insight/requests': {
    as: 'practitioner',
    cases: [
      { body: { kind: 'advice', topic: 'domestic_abuse', question: 'Help' }, field: 'body.kind' },
      { body: { kind: 'consultation', topic: 'domestic_abuse', question: ' ' }, field: 'body.question' },
      {
        body: { kind: 'coaching', topic: 'domestic_abuse', question: 'Help with this family please' },
        field: 'body.topic',
      },
      {
        body: { kind: 'consultation', topic: 'domestic_abuse', familyId: 'not-an-id', question: 'Help' },
        field: 'body.familyId',
      },
    ],
  },
  'POST /api/insight/requests/:id/take': { as: 'insight_adviser', cases: [] },
  'POST /api/insight/requests/:id/hand-back': { as: 'insight_adviser', cases: [] },
  'POST /api/insight/requests/:id/booking': {
    as: 'insight_adviser',
    cases: [
      { body: { sessionAt: 'next Tuesday', sessionMinutes: 60, attendees: 'Team' }, field: 'body.sessionAt' },
      {
        body: { sessionAt: '2031-01-02T10:00:00Z', sessionMinutes: 5, attendees: 'Team' },
        field: 'body.sessionMinutes',
      },
      { body: { sessionAt: '2031-01-02T10:00:00Z', sessionMinutes: 60 }, field: 'body.attendees' },
    ],
  },
  'POST /api/insight/requests/:id/advice': {
    as: 'insight_adviser',
    cases: [{ body: { advice: 'Be careful.' }, field: 'body.advice' }],
  },
  'POST /api/directory/services': {
    as: 'insight_adviser',
    cases: [
      { body: { name: '', description: 'd', organisationName: 'o', cost: 'Free' }, field: 'body.name' },
      { body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Cheap' }, field: 'body.cost' },
      {
        body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Free', minimumAge: 12, maximumAge: 8 },
        field: 'body.maximumAge',
      },
      {
        body: { name: 'n', description: 'd', organisationName: 'o', cost: 'Free', needs: ['astrology'] },
        field: 'body.needs',
      },
    ],
  },
  'POST /api/directory/import': {
    as: 'insight_adviser',
    cases: [
      { body: {}, field: 'body.content' },
      { body: { content: '{"content": [{"id": "x"}]}' }, field: 'content[0].name' },
      { body: { content: '{"content": [' }, field: '(file)' },
    ],
  },
  'POST /api/families/:id/services': {
    as: 'practitioner',
    cases: [
      { body: { serviceId: 'x', status: 'referred', onDate: '2026-01-01' }, field: 'body.serviceId' },
      {
        body: { serviceId: '00000000-0000-4000-8000-000000000001', status: 'maybe', onDate: '2026-01-01' },
        field: 'body.status',
      },
      {
        body: { serviceId: '00000000-0000-4000-8000-000000000001', status: 'referred', onDate: 'March' },
        field: 'body.onDate',
      },
    ],
  },
  'POST /api/families/:id/commissions': {
    as: 'practitioner',
    cases: [
      { body: { need: '', why: 'w', familyView: 'f', weeks: 4, budgetPence: 100 }, field: 'body.need' },
      { body: { need: 'n', why: 'w', familyView: 'f', weeks: 0, budgetPence: 100 }, field: 'body.weeks' },
      { body: { need: 'n', why: 'w', familyView: 'f', weeks: 4, budgetPence: 0 }, field: 'body.budgetPence' },
      { body: { need: 'n', why: 'w', weeks: 4, budgetPence: 100 }, field: 'body.familyView' },
    ],
  },
  'POST /api/commissions/:id/take': { as: 'insight_adviser', cases: [] },
  'POST /api/commissions/:id/withdraw': { as: 'practitioner', cases: [] },
  'POST /api/insight/requests/:id/withdraw': { as: 'practitioner', cases: [] },
  'POST /api/commissions/:id/hand-back': { as: 'insight_adviser', cases: [] },
  'POST /api/commissions/:id/record': {
    as: 'insight_adviser',
    cases: [
      {
        body: { providerName: 'P', weeklyPence: 100, startDate: '2027-02-01', endDate: '2027-01-01' },
        field: 'body.endDate',
      },
      {
        body: { providerName: 'P', weeklyPence: 0, startDate: '2027-01-01', endDate: '2027-02-01' },
        field: 'body.weeklyPence',
      },
      { body: { weeklyPence: 100, startDate: '2027-01-01', endDate: '2027-02-01' }, field: 'body.providerName' },
      {
        body: { providerName: 'P', weeklyPence: 100, startDate: 'soon', endDate: '2027-02-01' },
        field: 'body.startDate',
      },
    ],
  },
  'PUT /api/task-settings/:taskType': {
    as: 'administrator',
    cases: [
      { body: { dueHours: 0, minutesSaved: 10 }, field: 'body.dueHours' },
      { body: { dueHours: 24, minutesSaved: -1 }, field: 'body.minutesSaved' },
    ],
  },
}

function goodReferral() {
  return {
    receivedAt: new Date(Date.now() - 3600_000).toISOString(),
    source: '2A',
    referrerName: 'A teacher (invented)',
    worries: 'The child said they were scared to go home.',
    family: { name: 'Testwood family', addressLine1: '1 Lane', town: 'Northmoor', postcode: 'NM1 4AB' },
    children: [{ firstName: 'Ash', lastName: 'Testwood', dateOfBirth: '2017-03-03', sex: 'M' }],
  }
}

async function tableCounts(): Promise<Record<string, unknown>> {
  const r = await dbx.handle.db.execute(sql`select
    (select count(*) from patches) patches, (select string_agg(name || array_to_string(postcode_areas, ','), '|' order by id) from patches) patch_values,
    (select count(*) from teams) teams, (select string_agg(name || caseload_cap || coalesce(patch_id::text, ''), '|' order by id) from teams) team_values,
    (select count(*) from people) people, (select string_agg(name || array_to_string(roles, ',') || active::text, '|' order by id) from people) people_values,
    (select count(*) from memberships) memberships, (select count(*) from families) families,
    (select string_agg(name || postcode || interpreter_needed::text, '|' order by id) from families) family_values,
    (select count(*) from children) children, (select string_agg(first_name || coalesce(nhs_number, '') || coalesce(expected_date_of_birth::text, ''), '|' order by id) from children) child_values,
    (select count(*) from adults) adults, (select count(*) from relationships) relationships,
    (select count(*) from audit_exports) audit_exports, (select count(*) from outbox) outbox,
    (select count(*) from referrals) referrals, (select string_agg(status || coalesce(decision, ''), '|' order by id) from referrals) referral_values,
    (select count(*) from referral_children) referral_children, (select count(*) from offers) offers, (select string_agg(status, '|' order by id) from offers) offer_values,
    (select count(*) from bank_holidays) bank_holidays,
    (select count(*) from allocations) allocations, (select count(*) from allocations where ended_at is null) active_allocations, (select count(*) from team_decisions) team_decisions,
    (select count(*) from duty_rota) rota, (select string_agg(person_id::text, '|' order by day) from duty_rota) rota_values, (select count(*) from visits) visits,
    (select string_agg(status || place || starts_at::text, '|' order by id) from visits) visit_values,
    (select count(*) from proposals) proposals, (select count(*) from proposal_decisions) proposal_decisions, (select count(*) from spend_thresholds) thresholds,
    (select count(*) from admin_tasks) tasks, (select string_agg(status || coalesce(outcome, ''), '|' order by id) from admin_tasks) task_values, (select count(*) from task_type_settings) task_settings, (select string_agg(coalesce(caseload_cap, 0)::text, '|' order by id) from memberships) caps,
    (select count(*) from insight_requests) insight_requests, (select string_agg(status || coalesce(advice, '') || coalesce(attendees, ''), '|' order by id) from insight_requests) insight_values, (select count(*) from insight_settings) insight_settings,
    (select count(*) from directory_services) dir_services, (select count(*) from directory_organisations) dir_orgs, (select count(*) from family_services) family_services,
    (select string_agg(status || coalesce(provider_name, ''), '|' order by id) from commissions) commissions`)
  return (r as unknown as { rows: Record<string, unknown>[] }).rows[0]!
}

beforeAll(async () => {
  dbx = await freshPgDatabase()
  const seeded = await seedTwoCouncils(dbx.handle, 14)
  t = await makeTestApp(dbx.handle)
  sessions.set('administrator', await signInAs(t.app, 'admin@northmoor.example'))
  sessions.set('referral_officer', await signInAs(t.app, 'referrals@northmoor.example'))
  sessions.set('practitioner', await signInAs(t.app, 'practitioner@northmoor.example'))
  sessions.set('enabler', await signInAs(t.app, 'enabler@northmoor.example'))
  sessions.set('insight_adviser', await signInAs(t.app, 'insight@northmoor.example'))
  const one = async (q: string) =>
    String(((await dbx.handle.db.execute(sql.raw(q))) as unknown as { rows: { id: string }[] }).rows[0]!.id)
  const c = seeded.a.councilId
  ids = {
    patch: await one(`select id from patches where council_id = '${c}' limit 1`),
    team: await one(`select id from teams where council_id = '${c}' limit 1`),
    person: await one(`select id from people where council_id = '${c}' and email like 'enabler@%'`),
    family: await one(`select id from families where council_id = '${c}' limit 1`),
    child: await one(`select id from children where council_id = '${c}' and date_of_birth is not null limit 1`),
    referral: await one(`select id from referrals where council_id = '${c}' and status = 'awaiting_decision' limit 1`),
    eastfield: seeded.a.teamIds['Eastfield family team']!,
    heldFamily: await one(
      `select family_id as id from allocations where council_id = '${c}' and team_id = '${seeded.a.teamIds['Eastfield family team']}' and role = 'lead' limit 1`,
    ),
  }
})
beforeAll(async () => {
  // a waiting offer on Eastfield's board and a visit to a held family
  const c = (
    (await dbx.handle.db.execute(sql`select council_id as id from teams where id = ${ids.eastfield}`)) as unknown as {
      rows: { id: string }[]
    }
  ).rows[0]!.id
  const offer = (
    (await dbx.handle.db.execute(
      sql`select id from offers where council_id = ${c} and team_id = ${ids.eastfield} and status = 'waiting' limit 1`,
    )) as unknown as { rows: { id: string }[] }
  ).rows[0]
  ids.offer = offer?.id ?? '00000000-0000-4000-8000-000000000009'
  const v = await sessions.get('practitioner')!.request('POST', `/api/families/${ids.heldFamily}/visits`, {
    kind: 'home_visit',
    startsAt: '2026-12-01T10:00:00Z',
    place: 'At home',
  })
  if (v.statusCode !== 201) throw new Error(`could not book the fixture visit: ${v.body}`)
  ids.visit = v.json().id
})

afterAll(async () => {
  await t.close()
  await dbx.drop()
})

function fill(url: string) {
  if (
    url.startsWith('/api/teams/:id/offers') ||
    url.startsWith('/api/teams/:id/decisions') ||
    url.startsWith('/api/teams/:id/rota') ||
    url.startsWith('/api/teams/:id/members/:personId/cap')
  ) {
    url = url.replace(':id', ids.eastfield!).replace(':offerId', ids.offer!)
  }
  if (
    url.startsWith('/api/families/:id/workers') ||
    url.startsWith('/api/families/:id/visits') ||
    url.startsWith('/api/families/:id/ask-enabler') ||
    url.startsWith('/api/families/:id/proposals')
  )
    url = url.replace(':id', ids.heldFamily!)
  url = url.replace(':taskType', 'visit_confirmation')
  if (url.startsWith('/api/visits/:id')) url = url.replace(':id', ids.visit!)
  const kind = url.split('/')[2]
  const id =
    {
      patches: ids.patch,
      teams: ids.team,
      people: ids.person,
      families: ids.family,
      children: ids.child,
      referrals: ids.referral,
    }[kind as string] ?? ids.family
  return url
    .replace(':date', '2031-01-02')
    .replace(':day', '2031-01-02')
    .replace(':personId', ids.person!)
    .replace(':id', id!)
    .replace(':queue', 'hearth-default')
    .replace(':jobId', 'x')
}

describe('bad input', () => {
  it('every write route has its bad-input cases here', () => {
    const writes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`)
    expect(writes.filter((w) => !(w in BAD))).toEqual([])
  })

  it('gets 400 naming the field and the reason, and writes nothing', async () => {
    let n = 0
    for (const [route, spec] of Object.entries(BAD)) {
      const [method, url] = route.split(' ') as [string, string]
      for (const c of spec.cases) {
        const before = await tableCounts()
        const res = await sessions.get(spec.as)!.request(method as 'POST', fill(url), c.body)
        expect(res.statusCode, `${route} ${JSON.stringify(c.body)} → ${res.body}`).toBe(400)
        const err = res.json().error
        expect(err.code).toBe('validation_failed')
        const fields = (err.details as { field: string; message: string }[]).map((d) => d.field)
        expect(fields, `${route} ${JSON.stringify(c.body)}`).toContain(c.field)
        expect(err.details.every((d: { message: string }) => d.message.length > 3)).toBe(true)
        expect(await tableCounts(), `${route} wrote something`).toEqual(before)
        n++
      }
    }
    expect(n).toBeGreaterThan(35)
  })

  it('malformed JSON gets the one error shape', async () => {
    const s = sessions.get('administrator')!
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/patches',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      payload: '{"name": ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'bad_request' })
    expect(res.json().error.requestId).toBeTruthy()
  })

  it('an unknown route gets the one error shape, 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('not_found')
  })

  it('a duplicate email is a 409 naming the field', async () => {
    const res = await sessions.get('administrator')!.request('POST', '/api/people', {
      name: 'Dupe',
      email: 'enabler@northmoor.example',
      roles: ['enabler'],
      password: 'long-enough-password',
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.details[0].field).toBe('body.email')
  })
})
