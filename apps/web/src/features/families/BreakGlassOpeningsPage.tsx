import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { Me } from '@hearth/contracts/auth'
import type { BreakGlassList } from '@hearth/contracts/families'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, Radios, TextArea } from '../../components/govuk'
import { useLiveEvents } from '../../live'
import { hasRole } from '../../session'

type Grant = z.infer<typeof BreakGlassList>['grants'][number]
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** Every break-glass opening of a restricted record; information governance reviews each once. */
export function BreakGlassOpeningsPage({ me }: { me: Me }) {
  const list = useQuery({
    queryKey: ['break-glass'],
    queryFn: () => api<z.infer<typeof BreakGlassList>>('GET', '/api/break-glass'),
  })
  useLiveEvents((type) => {
    if (type === 'break_glass.opened') void list.refetch()
  })
  if (list.isLoading) return <Loading />
  const grants = list.data?.grants ?? []
  const reviewer = hasRole(me, 'information_governance')
  return (
    <>
      <h1 className="govuk-heading-l">Break-glass openings</h1>
      <p className="govuk-body">
        Each time someone opened a restricted record they are not named on, with their reason. Information governance
        reviews every one: justified, or a concern to take up with the person and their team.
      </p>
      <ErrorSummary error={list.error} />
      {grants.length === 0 && <p className="govuk-body">No restricted record has been opened this way.</p>}
      {grants.map((g) => (
        <Opening key={g.id} g={g} reviewer={reviewer} />
      ))}
    </>
  )
}

function Opening({ g, reviewer }: { g: Grant; reviewer: boolean }) {
  const queryClient = useQueryClient()
  const [outcome, setOutcome] = useState<string | null>(null)
  const review = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/break-glass/${g.id}/review`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['break-glass'] })
      void queryClient.invalidateQueries({ queryKey: ['break-glass-alerts'] })
    },
  })
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby={`glass-${g.id}`}>
      <h2 className="govuk-heading-s" id={`glass-${g.id}`}>
        {g.familyReference}: opened by {g.personName} on {when(g.startedAt)}
      </h2>
      <p className="govuk-body">
        “{g.reason}” (open until {when(g.expiresAt)})
      </p>
      {g.review ? (
        <p className="govuk-body">
          <strong className={`govuk-tag ${g.review.outcome === 'concern' ? 'govuk-tag--red' : 'govuk-tag--green'}`}>
            {g.review.outcome === 'concern' ? 'Concern' : 'Justified'}
          </strong>{' '}
          {g.review.reviewedBy}, {when(g.review.reviewedAt)}
          {g.review.note ? `: ${g.review.note}` : ''}
        </p>
      ) : reviewer ? (
        <FormScope name={`glass-${g.id}`}>
          <ErrorSummary error={review.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              const f = new FormData(e.currentTarget)
              review.mutate({ outcome: f.get('outcome') ?? undefined, note: f.get('note') ?? '' })
            }}
          >
            <Radios
              name="outcome"
              label="Your review"
              small
              onChange={setOutcome}
              options={[
                { value: 'justified', label: 'Justified' },
                { value: 'concern', label: 'A concern' },
              ]}
              error={review.error}
            />
            <TextArea
              name="note"
              label={outcome === 'concern' ? 'What is the concern?' : 'Note (optional)'}
              rows={2}
              error={review.error}
            />
            <Button disabled={review.isPending}>Save the review</Button>
          </form>
        </FormScope>
      ) : (
        <p className="govuk-body">Not reviewed yet.</p>
      )}
    </section>
  )
}
