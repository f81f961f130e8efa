import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { Link, useParams } from 'react-router'
import { pounds } from '@hearth/domain'
import { api } from '../../api'
import { ProposalStatus, type Proposal } from './Proposals'
import { Button, ErrorSummary, Loading, SummaryList, TextField } from '../../components/govuk'
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
              ...(x.reviewDate ? [['Review by', x.reviewDate] as [string, string]] : []),
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
          {hasRole(me, 'strategy_member') && x.status === 'awaiting_strategy' && x.proposedById !== me?.personId && (
            <form onSubmit={submit} noValidate>
              <h2 className="govuk-heading-m">Your decision</h2>
              <div className="govuk-form-group" id="outcome">
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Decision</legend>
                  <div className="govuk-radios">
                    {[
                      ['approve', 'Approve'],
                      ['decline', 'Decline'],
                      ['more_info', 'Ask the team for more information'],
                    ].map(([v, l]) => (
                      <div className="govuk-radios__item" key={v}>
                        <input
                          className="govuk-radios__input"
                          id={`outcome-${v}`}
                          name="outcome"
                          type="radio"
                          value={v}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={`outcome-${v}`}>
                          {l}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="reasonsForTeam">
                  Your reasons, for the team
                </label>
                <textarea className="govuk-textarea" id="reasonsForTeam" name="reasonsForTeam" rows={3} />
              </div>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="reasonsForFamily">
                  Your reasons, for the family (optional)
                </label>
                <textarea className="govuk-textarea" id="reasonsForFamily" name="reasonsForFamily" rows={2} />
              </div>
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
