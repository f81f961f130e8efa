import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { api } from '../../api'
import {
  BackLink,
  Button,
  DateTimeInput,
  ErrorSummary,
  Loading,
  SummaryList,
  TextArea,
  TextField,
} from '../../components/govuk'
import { InsightStatus, type InsightRequest } from './Insight'
import { dateTime, since } from '../../components/time'
import { useLiveEvents } from '../../live'
import { hasRole, useMe } from '../../session'

/** The insight advisers' queue: oldest first, take one, book it, record the advice. */
export function InsightPage() {
  useLiveEvents()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [view, setView] = useState<'waiting' | 'mine' | 'done'>('waiting')
  const list = useQuery({
    queryKey: ['insight', view],
    queryFn: () => api<InsightRequest[]>('GET', `/api/insight/requests?view=${view}`),
    refetchInterval: 60_000,
  })
  const take = useMutation({
    mutationFn: (id: string) => api<InsightRequest>('POST', `/api/insight/requests/${id}/take`),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['insight'] })
      navigate(`/insight/requests/${r.id}`)
    },
  })
  const late = list.data?.filter((r) => r.waitingTooLong).length ?? 0
  return (
    <>
      <h1 className="govuk-heading-l">Consultation and coaching</h1>
      <p className="govuk-body">
        Requests from the family-facing teams, oldest first. Take one, book a time with the people who should be there,
        and write the advice in plain words: advice about a family goes on the family’s chronology for the team holding
        them.
      </p>
      <ErrorSummary error={list.error ?? take.error} />
      <nav className="govuk-!-margin-bottom-4 hearth-actions" aria-label="Which requests">
        {(['waiting', 'mine', 'done'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={`govuk-button ${view === v ? '' : 'govuk-button--secondary'}`}
            aria-pressed={view === v}
            onClick={() => setView(v)}
          >
            {v === 'waiting' ? 'Waiting' : v === 'mine' ? 'Mine' : 'Advice given'}
          </button>
        ))}
      </nav>
      {late > 0 && view === 'waiting' && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {late} {late === 1 ? 'request has' : 'requests have'} waited longer than the council’s time.
          </strong>
        </div>
      )}
      {list.isLoading ? (
        <Loading />
      ) : list.data?.length === 0 ? (
        <p className="govuk-body">Nothing here.</p>
      ) : (
        <ul className="govuk-list" aria-live="polite">
          {list.data?.map((r) => (
            <li key={r.id} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/insight/requests/${r.id}`}>
                  {r.kind === 'coaching' ? 'Coaching' : 'Consultation'}: {r.topicLabel}
                  {r.familyName ? ` (${r.familyName})` : ` (${r.teamName})`}
                </Link>{' '}
                <InsightStatus r={r} />
              </h2>
              <p className="govuk-body-s govuk-!-margin-bottom-1 hearth-secondary">
                Asked by {r.askedByName}, {r.teamName}, {since(r.askedAt)}
                {r.sessionAt ? ` · session ${dateTime(r.sessionAt)}` : ''}
              </p>
              <p className="govuk-body hearth-prewrap govuk-!-margin-bottom-2">“{r.question}”</p>
              {view === 'waiting' && (
                <button
                  type="button"
                  className="govuk-button govuk-!-margin-bottom-0"
                  aria-label={`Take this request: ${r.topicLabel}${r.familyName ? `, ${r.familyName}` : ''}`}
                  onClick={() => take.mutate(r.id)}
                >
                  Take this request
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** One request: who asked and why; for the adviser holding it, booking and advice. */
export function InsightRequestPage() {
  const { id } = useParams()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const req = useQuery({
    queryKey: ['insight', 'request', id],
    queryFn: () => api<InsightRequest>('GET', `/api/insight/requests/${id}`),
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['insight'] })
  const take = useMutation({ mutationFn: () => api('POST', `/api/insight/requests/${id}/take`), onSuccess: refresh })
  const handBack = useMutation({
    mutationFn: () => api('POST', `/api/insight/requests/${id}/hand-back`),
    onSuccess: refresh,
  })
  const book = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/insight/requests/${id}/booking`, body),
    onSuccess: refresh,
  })
  const withdraw = useMutation({
    mutationFn: () => api('POST', `/api/insight/requests/${id}/withdraw`),
    onSuccess: refresh,
  })
  const advise = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/insight/requests/${id}/advice`, body),
    onSuccess: refresh,
  })
  if (req.isLoading) return <Loading />
  const r = req.data
  const adviser = hasRole(me, 'insight_adviser')
  const mine = !!r && r.takenById === me?.personId && (r.status === 'taken' || r.status === 'booked')
  return (
    <>
      <BackLink to={adviser ? '/insight' : '/'}>{adviser ? 'Back to the queue' : 'Back'}</BackLink>
      <ErrorSummary error={req.error ?? take.error ?? handBack.error} />
      {r && (
        <>
          <span className="govuk-caption-l">
            {r.kind === 'coaching' ? 'Coaching' : 'Consultation'} for {r.teamName}
          </span>
          <h1 className="govuk-heading-l">
            {r.topicLabel}
            {r.familyName ? `: ${r.familyName}` : ''}
          </h1>
          <p className="govuk-body">
            <InsightStatus r={r} />
          </p>
          <SummaryList
            rows={[
              ['Asked by', `${r.askedByName}, ${dateTime(r.askedAt)}`],
              [
                'What they need',
                <span key="question" className="hearth-prewrap">
                  {r.question}
                </span>,
              ],
              ...(r.familyId && !adviser
                ? [
                    [
                      'Family',
                      <Link key="family" className="govuk-link" to={`/families/${r.familyId}`}>
                        {r.familyName}
                      </Link>,
                    ] as [string, React.ReactNode],
                  ]
                : []),
              ...(r.takenByName ? [['Adviser', r.takenByName] as [string, string]] : []),
              ...(r.sessionAt
                ? [
                    ['Session', `${dateTime(r.sessionAt)}, ${r.sessionMinutes} minutes`] as [string, string],
                    ['Who attends', r.attendees ?? ''] as [string, string],
                  ]
                : []),
            ]}
          />
          {r.advice && (
            <>
              <h2 className="govuk-heading-m">Advice</h2>
              <p className="govuk-body hearth-prewrap">{r.advice}</p>
              <p className="govuk-body-s hearth-secondary">
                {r.takenByName}, {dateTime(r.adviceAt!)}
              </p>
            </>
          )}
          {adviser && r.status === 'waiting' && (
            <Button type="button" onClick={() => take.mutate()}>
              Take this request
            </Button>
          )}
          {!adviser && r.status === 'waiting' && (
            <>
              <ErrorSummary error={withdraw.error} />
              <Button type="button" secondary onClick={() => withdraw.mutate()}>
                Withdraw this request
              </Button>
            </>
          )}
          {mine && (
            <>
              <h2 className="govuk-heading-m">Book the session</h2>
              <ErrorSummary error={book.error} />
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault()
                  const f = new FormData(e.currentTarget)
                  const when = String(f.get('sessionAt') ?? '')
                  book.mutate({
                    sessionAt: when ? new Date(when).toISOString() : '',
                    sessionMinutes: Number(f.get('sessionMinutes')),
                    attendees: f.get('attendees'),
                  })
                }}
              >
                <DateTimeInput name="sessionAt" label="Date and time" error={book.error} />
                <TextField
                  name="sessionMinutes"
                  label="Length in minutes"
                  defaultValue="60"
                  error={book.error}
                  width="govuk-input--width-4"
                />
                <TextField
                  name="attendees"
                  label="Who attends"
                  hint="For example: Priya, her co-worker, the family’s school nurse"
                  error={book.error}
                  width="govuk-input--width-30"
                />
                <Button secondary disabled={book.isPending}>
                  Book the session
                </Button>
              </form>
              <h2 className="govuk-heading-m">Record the advice</h2>
              <ErrorSummary error={advise.error} />
              <form
                noValidate
                onSubmit={(e) => {
                  e.preventDefault()
                  advise.mutate({ advice: new FormData(e.currentTarget).get('advice') })
                }}
              >
                <TextArea
                  name="advice"
                  label="Advice, in plain words"
                  hint="Write it for the team and, one day, for the family to read: what you think is happening, what to try, what to look out for."
                  error={advise.error}
                  rows={8}
                />
                <div className="hearth-actions">
                  <Button disabled={advise.isPending}>Record the advice</Button>
                  <button type="button" className="govuk-link hearth-link-button" onClick={() => handBack.mutate()}>
                    Hand it back to the queue
                  </button>
                </div>
              </form>
            </>
          )}
        </>
      )}
    </>
  )
}
