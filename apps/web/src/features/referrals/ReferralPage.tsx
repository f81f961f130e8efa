import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import type { z } from 'zod'
import type { Team } from '@hearth/contracts/organisation'
import type { ReferralDetail } from '@hearth/contracts/referrals'
import {
  FAMILY_CONSENT,
  PRIMARY_NEED_CODE_LIST,
  PRIMARY_NEED_CODES,
  REFERRAL_DECISION_LIST,
  REFERRAL_DECISIONS,
  REFERRAL_SOURCES,
  decisionNeedsPrimaryNeed,
  type FamilyConsent,
  type ReferralDecision,
  type ReferralSource,
} from '@hearth/domain/referrals'
import { api } from '../../api'
import { fullDateTime } from '../../components/time'
import { ClockTag } from '../../components/Clock'
import {
  BackLink,
  Button,
  ErrorSummary,
  Loading,
  Radios,
  SelectField,
  SummaryList,
  TextArea,
} from '../../components/govuk'

type Detail = z.infer<typeof ReferralDetail>

export function ReferralPage() {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const referral = useQuery({
    queryKey: ['referrals', id],
    queryFn: () => api<Detail>('GET', `/api/referrals/${id}`),
    // while the family is on its way to a team, look again shortly
    refetchInterval: (q) => (q.state.data?.routingStatus === 'queued' ? 1_000 : false),
  })
  const teams = useQuery({ queryKey: ['teams'], queryFn: () => api<z.infer<typeof Team>[]>('GET', '/api/teams') })
  const [decision, setDecision] = useState<ReferralDecision | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['referrals'] })
  const decide = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/referrals/${id}/decision`, body),
    onSuccess: refresh,
  })
  const route = useMutation({
    mutationFn: (teamId: string) => api('POST', `/api/referrals/${id}/route`, { teamId }),
    onSuccess: refresh,
  })
  if (referral.isLoading) return <Loading />
  const r = referral.data
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    decide.mutate({
      decision: f.get('decision'),
      reasons: f.get('reasons'),
      primaryNeedCode: f.get('primaryNeedCode') || null,
    })
  }
  return (
    <>
      <BackLink to="/referrals">Back to referrals</BackLink>
      <ErrorSummary error={referral.error ?? decide.error ?? route.error} />
      {r && (
        <>
          <span className="govuk-caption-l">Referral {r.reference}</span>
          <h1 className="govuk-heading-l">{r.familyName}</h1>
          <p className="govuk-body">
            <ClockTag clock={r.clock} />{' '}
            {r.openCase && <strong className="govuk-tag govuk-tag--purple">Open to {r.openCaseTeamName}</strong>}
          </p>
          {r.protection && (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {r.protection === 'cp_plan'
                  ? 'A child in this family is on a child protection plan.'
                  : 'A section 47 enquiry is open for a child in this family.'}{' '}
                {r.openCaseTeamName ? `${r.openCaseTeamName} holds the family.` : ''}
              </strong>
            </div>
          )}
          <h2 className="govuk-heading-m">The worries</h2>
          <p className="govuk-body hearth-story">{r.worries}</p>
          <SummaryList
            rows={[
              [
                'Children',
                r.children.map((c) => `${c.firstName} ${c.lastName}${c.linked ? ' (known record)' : ''}`).join(', '),
              ],
              ['Referred by', [r.referrerName, r.referrerOrganisation].filter(Boolean).join(', ') || 'Anonymous'],
              ['Source', REFERRAL_SOURCES[r.source as ReferralSource] ?? r.source],
              ['Contact', r.referrerContact],
              ['Received', fullDateTime(r.receivedAt)],
              [
                'What the family knows',
                `${FAMILY_CONSENT[r.familyConsent as FamilyConsent] ?? r.familyConsent}${r.familyKnowledge ? `. ${r.familyKnowledge}` : ''}`,
              ],
              [
                'Family record',
                <Link className="govuk-link" to={`/families/${r.familyId}`} key="f">
                  {r.familyName}, {r.postcode}
                </Link>,
              ],
            ]}
          />
          {r.status === 'awaiting_decision' ? (
            <>
              <h2 className="govuk-heading-m">Decide the response</h2>
              <form onSubmit={submit} noValidate>
                <Radios
                  name="decision"
                  label="What happens next?"
                  small={false}
                  options={REFERRAL_DECISION_LIST.map((d) => ({ value: d, label: REFERRAL_DECISIONS[d] }))}
                  onChange={(d) => setDecision(d as ReferralDecision)}
                  error={decide.error}
                />
                {decision && decisionNeedsPrimaryNeed(decision) && (
                  <SelectField
                    name="primaryNeedCode"
                    label="Primary need"
                    options={[
                      { value: '', label: 'Choose the main need' },
                      ...PRIMARY_NEED_CODE_LIST.map((c) => ({ value: c, label: `${c}: ${PRIMARY_NEED_CODES[c]}` })),
                    ]}
                    error={decide.error}
                  />
                )}
                <TextArea
                  name="reasons"
                  label="Why, in plain words"
                  hint="The team and, where fitting, the family will read this."
                  error={decide.error}
                />
                <Button disabled={decide.isPending}>Save decision</Button>
              </form>
            </>
          ) : (
            <>
              <h2 className="govuk-heading-m">Decision</h2>
              <SummaryList
                rows={[
                  ['Decision', r.decision ? REFERRAL_DECISIONS[r.decision as ReferralDecision] : ''],
                  ['Why', r.decisionReasons],
                  ...(r.primaryNeedCode
                    ? [
                        [
                          'Primary need',
                          `${r.primaryNeedCode}: ${PRIMARY_NEED_CODES[r.primaryNeedCode as keyof typeof PRIMARY_NEED_CODES]}`,
                        ] as [string, string],
                      ]
                    : []),
                  ['Decided', `${r.decidedAt ? fullDateTime(r.decidedAt) : ''} by ${r.decidedByName ?? ''}`],
                  [
                    'Team',
                    r.routingStatus === 'routed'
                      ? `On ${r.routedTeamName}’s board`
                      : r.routingStatus === 'queued'
                        ? 'Being sent to the team for the family’s patch…'
                        : r.routingStatus === 'unroutable'
                          ? 'Could not be sent to a team'
                          : 'No team needed',
                  ],
                ]}
              />
              {r.routingStatus === 'unroutable' && (
                <form
                  onSubmit={(e) => {
                    e.preventDefault()
                    route.mutate(String(new FormData(e.currentTarget).get('teamId') ?? ''))
                  }}
                >
                  <p className="govuk-body">{r.routingNote} Choose the team that should have this family.</p>
                  <SelectField
                    name="teamId"
                    label="Family-facing team"
                    options={(teams.data ?? [])
                      .filter((t) => t.kind === 'family_facing')
                      .map((t) => ({ value: t.id, label: `${t.name}${t.patchName ? ` (${t.patchName})` : ''}` }))}
                    error={route.error}
                  />
                  <Button disabled={route.isPending}>Send to this team</Button>
                </form>
              )}
            </>
          )}
        </>
      )}
    </>
  )
}
