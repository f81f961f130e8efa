import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { longDate } from '@hearth/domain/dates'
import { pounds } from '@hearth/domain/sign-off'
import { api } from '../../api'
import { ProposalStatus, type Proposal } from './Proposals'
import { Button, ErrorSummary, Loading, Radios, SummaryList, TextArea, TextField } from '../../components/govuk'
import { hasRole, useMe } from '../../session'

export function ProposalPage() {
  const { id } = useParams()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const p = useQuery({ queryKey: ['proposals', id], queryFn: () => api<Proposal>('GET', `/api/proposals/${id}`) })
  const decide = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/proposals/${id}/decision`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  })
  const resubmit = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/proposals/${id}/resubmit`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['proposals'] }),
  })
  if (p.isLoading) return <Loading />
  const x = p.data
  // this round's approvals (a request for more information starts a new round)
  const round = 1 + (x?.decisions.filter((d) => d.outcome === 'more_info').length ?? 0)
  const approvedNow = x?.decisions.filter((d) => d.round === round && d.outcome === 'approve') ?? []
  const approvals = approvedNow.length
  const iApproved = x?.status === 'awaiting_strategy' && approvedNow.some((d) => d.byId === me?.personId)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    decide.mutate({
      outcome: f.get('outcome'),
      reasonsForTeam: f.get('reasonsForTeam'),
      reasonsForFamily: f.get('reasonsForFamily') || null,
    })
  }
  return (
    <>
      <ErrorSummary error={p.error ?? decide.error ?? resubmit.error} />
      {x && (
        <>
          <span className="govuk-caption-l">
            {x.teamName} · the{' '}
            <Link className="govuk-link" to={`/families/${x.familyId}`}>
              {x.familyName}
            </Link>
          </span>
          <h1 className="govuk-heading-l">{x.what}</h1>
          <p className="govuk-body">
            <ProposalStatus p={x} />
          </p>
          <SummaryList
            rows={[
              ['For', x.forWhom],
              ['Why', x.why],
              ['Cost', `${pounds(x.weeklyPence)} a week for ${x.weeks} weeks: ${pounds(x.totalPence)} in all`],
              ...(x.serviceName ? [['Service', x.serviceName] as [string, string]] : []),
              ...(x.commissionId
                ? [['Arranged by', 'The insight team (commissioned for this family)'] as [string, string]]
                : []),
              ['Alternatives considered', x.alternatives],
              ['What the family thinks', x.familyView],
              ['Conversation', String(x.conversationStage)],
              ['Proposed by', `${x.proposedByName}, ${new Date(x.createdAt).toLocaleDateString('en-GB')}`],
              ['Approvals needed', x.route === 'strategy' ? String(x.approvalsNeeded) : 'None: decided by the team'],
              ...(x.reviewDate ? [['Review by', longDate(x.reviewDate)] as [string, string]] : []),
            ]}
          />
          {x.decisions.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Decisions</h2>
              <ul className="govuk-list">
                {x.decisions.map((d) => (
                  <li key={`${d.round}:${d.decidedAt}:${d.byName}`}>
                    <strong>
                      {d.outcome === 'approve'
                        ? 'Approved'
                        : d.outcome === 'decline'
                          ? 'Declined'
                          : 'More information asked'}
                    </strong>{' '}
                    by {d.byName}: {d.reasonsForTeam}
                    {d.reasonsForFamily ? ` For the family: “${d.reasonsForFamily}”` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          {iApproved && (
            <div className="govuk-inset-text" role="status">
              {approvals} of {x.approvalsNeeded} approvals: you have approved. It needs another member of the strategy
              team to decide.
            </div>
          )}
          {hasRole(me, 'strategy_member') &&
            x.status === 'awaiting_strategy' &&
            x.proposedById !== me?.personId &&
            !iApproved && (
              <form onSubmit={submit} noValidate>
                <h2 className="govuk-heading-m">Your decision</h2>
                {approvals > 0 && (
                  <p className="govuk-body">
                    {approvals} of {x.approvalsNeeded} approvals so far.
                  </p>
                )}
                <Radios
                  name="outcome"
                  label="Decision"
                  small={false}
                  options={[
                    { value: 'approve', label: 'Approve' },
                    { value: 'decline', label: 'Decline' },
                    { value: 'more_info', label: 'Ask the team for more information' },
                  ]}
                  error={decide.error}
                />
                <TextArea name="reasonsForTeam" label="Your reasons, for the team" rows={3} error={decide.error} />
                <TextArea
                  name="reasonsForFamily"
                  label="Your reasons, for the family (optional)"
                  rows={2}
                  error={decide.error}
                />
                <Button disabled={decide.isPending}>Save decision</Button>
              </form>
            )}
          {!hasRole(me, 'strategy_member') && x.status === 'more_info' && (
            <form
              onSubmit={(e) => {
                e.preventDefault()
                resubmit.mutate({ why: new FormData(e.currentTarget).get('why') })
              }}
              noValidate
            >
              <TextField name="why" label="The information asked for, and why again" error={resubmit.error} />
              <Button disabled={resubmit.isPending}>Send back to strategy</Button>
            </form>
          )}
        </>
      )}
    </>
  )
}
