import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { ChronologyEntry } from '@hearth/contracts/families'
import type { InsightRequestView } from '@hearth/contracts/insight'
import { COACHING_TOPICS, CONSULTATION_TOPICS } from '@hearth/domain/insight'
import { api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextArea, FormScope } from '../../components/govuk'
import { dateTime } from '../../components/time'

export type InsightRequest = z.infer<typeof InsightRequestView>
type Entry = z.infer<typeof ChronologyEntry>

export function InsightStatus({ r }: { r: InsightRequest }) {
  if (r.status === 'advice_given') return <strong className="govuk-tag govuk-tag--green">Advice given</strong>
  if (r.status === 'withdrawn') return <strong className="govuk-tag govuk-tag--grey">Withdrawn by the team</strong>
  if (r.status === 'booked') return <strong className="govuk-tag govuk-tag--blue">Session booked</strong>
  if (r.status === 'taken') return <strong className="govuk-tag govuk-tag--blue">{r.takenByName} is on it</strong>
  return (
    <strong className={`govuk-tag ${r.waitingTooLong ? 'govuk-tag--red' : 'govuk-tag--grey'}`}>
      {r.waitingTooLong ? 'Waiting too long' : 'Waiting'}
    </strong>
  )
}

/** Ask the insight team: about a family (consultation) or for the team (consultation or coaching). */
export function AskInsight({ familyId, teamId }: { familyId?: string; teamId?: string }) {
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<'consultation' | 'coaching'>('consultation')
  const [sent, setSent] = useState<InsightRequest | null>(null)
  const ask = useMutation({
    mutationFn: (body: unknown) => api<InsightRequest>('POST', '/api/insight/requests', body),
    onSuccess: (r) => {
      setSent(r)
      void queryClient.invalidateQueries({ queryKey: ['insight'] })
      void queryClient.invalidateQueries({ queryKey: ['chronology'] })
    },
  })
  const topics = kind === 'consultation' ? CONSULTATION_TOPICS : COACHING_TOPICS
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    ask.mutate(
      { kind, topic: f.get('topic'), question: f.get('question'), familyId: familyId ?? null, teamId: teamId ?? null },
      { onSuccess: () => form.reset() },
    )
  }
  return (
    <FormScope name="insight">
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            {familyId
              ? 'Ask the insight team for a consultation'
              : 'Ask the insight team for coaching or a consultation'}
          </span>
        </summary>
        <div className="govuk-details__text">
          {sent && (
            <div className="govuk-inset-text" role="status">
              Sent to the insight team: {sent.topicLabel}. An adviser will take it and book a time with you.
            </div>
          )}
          <ErrorSummary error={ask.error} />
          <form onSubmit={submit} noValidate>
            {!familyId && (
              <div className="govuk-form-group">
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">What do you need?</legend>
                  <div className="govuk-radios govuk-radios--small">
                    {(['coaching', 'consultation'] as const).map((k) => (
                      <div className="govuk-radios__item" key={k}>
                        <input
                          className="govuk-radios__input"
                          id={`kind-${k}`}
                          name="kind"
                          type="radio"
                          value={k}
                          checked={kind === k}
                          onChange={() => setKind(k)}
                        />
                        <label className="govuk-label govuk-radios__label" htmlFor={`kind-${k}`}>
                          {k === 'coaching'
                            ? 'Coaching for the team (a facilitated session)'
                            : 'A consultation (a specialist view)'}
                        </label>
                      </div>
                    ))}
                  </div>
                </fieldset>
              </div>
            )}
            <SelectField
              name="topic"
              label="What is it about?"
              options={Object.entries(topics).map(([value, label]) => ({ value, label }))}
              error={ask.error}
            />
            <TextArea
              name="question"
              label="What would you like help with?"
              hint="In your own words: what is happening, what you have tried, what you are unsure about."
              error={ask.error}
              rows={5}
            />
            <Button disabled={ask.isPending}>Send to the insight team</Button>
          </form>
        </div>
      </details>
    </FormScope>
  )
}

/** One entry: a line, and the rest behind "Read more". */
function ChronologyItem({ e }: { e: Entry }) {
  const [more, setMore] = useState(false)
  const long = (e.detail ?? '').length > 140 || (e.detail ?? '').includes('\n')
  const inAnchor = e.link?.startsWith('/families/') && e.link.includes('#')
  return (
    <li className="hearth-timeline__item">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {e.link && inAnchor ? (
          <a className="govuk-link" href={e.link.slice(e.link.indexOf('#'))}>
            {e.title}
          </a>
        ) : e.link ? (
          <Link className="govuk-link" to={e.link}>
            {e.title}
          </Link>
        ) : (
          e.title
        )}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-1 hearth-secondary">
        {e.kindLabel} · {dateTime(e.at)}
        {e.byName ? ` · ${e.byName}` : ''}
      </p>
      {e.detail && <p className={`govuk-body hearth-prewrap${long && !more ? ' hearth-one-line' : ''}`}>{e.detail}</p>}
      {long && (
        <button type="button" className="govuk-link hearth-link-button hearth-no-print" onClick={() => setMore(!more)}>
          {more ? 'Show less' : 'Read more'}
          <span className="govuk-visually-hidden"> of {e.title}</span>
        </button>
      )}
    </li>
  )
}

/**
 * The family's story, newest first: each entry one line with "Read more"; shown by kind of
 * entry and by child; printable (the page prints the story alone).
 */
export function Chronology({ familyId, kids = [] }: { familyId: string; kids?: { id: string; name: string }[] }) {
  const list = useQuery({
    queryKey: ['chronology', familyId],
    queryFn: () => api<Entry[]>('GET', `/api/families/${familyId}/chronology`),
  })
  const [kind, setKind] = useState('')
  const [child, setChild] = useState('')
  const all = list.data ?? []
  const kinds = [...new Map(all.map((e) => [e.kind, e.kindLabel])).entries()]
  const shown = all.filter((e) => (!kind || e.kind === kind) && (!child || (e.childIds ?? []).includes(child)))
  return (
    <section aria-labelledby="chronology-heading" className="hearth-chronology">
      <h2 className="govuk-heading-m" id="chronology-heading">
        Chronology
      </h2>
      <ErrorSummary error={list.error} />
      <div className="hearth-actions hearth-no-print">
        <SelectField
          name="chronology-kind"
          label="Show"
          value={kind}
          onChange={setKind}
          options={[{ value: '', label: 'Everything' }, ...kinds.map(([k, label]) => ({ value: k, label }))]}
        />
        {kids.length > 0 && (
          <SelectField
            name="chronology-child"
            label="About"
            value={child}
            onChange={setChild}
            options={[{ value: '', label: 'The whole family' }, ...kids.map((k) => ({ value: k.id, label: k.name }))]}
          />
        )}
        <p className="govuk-body">
          <button type="button" className="govuk-link hearth-link-button" onClick={printChronology}>
            Print the chronology
          </button>
        </p>
      </div>
      {list.isLoading ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p className="govuk-body">{all.length === 0 ? 'Nothing recorded yet.' : 'Nothing of this kind.'}</p>
      ) : (
        <ol className="hearth-timeline" aria-live="polite">
          {shown.map((e) => (
            <ChronologyItem key={`${e.kind}:${e.at}:${e.title}`} e={e} />
          ))}
        </ol>
      )}
    </section>
  )
}

/** On the team board: what the team has asked the insight team, and a way to ask. */
export function TeamInsight({ teamId }: { teamId: string }) {
  const list = useQuery({
    queryKey: ['insight', 'team', teamId],
    queryFn: () => api<InsightRequest[]>('GET', `/api/insight/requests?view=team&teamId=${teamId}`),
  })
  return (
    <section aria-labelledby="team-insight-heading">
      <h2 className="govuk-heading-m" id="team-insight-heading">
        Consultation and coaching
      </h2>
      {(list.data ?? []).length === 0 ? (
        <p className="govuk-body">The team has not asked the insight team for anything yet.</p>
      ) : (
        <ul className="govuk-list">
          {list.data!.slice(0, 10).map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" to={`/insight/requests/${r.id}`}>
                {r.topicLabel}
                {r.familyName ? ` (${r.familyName})` : ''}
              </Link>{' '}
              <InsightStatus r={r} />
            </li>
          ))}
        </ul>
      )}
      <AskInsight teamId={teamId} />
    </section>
  )
}

/** Prints the chronology alone: the body is marked for the print rule, and unmarked after. */
function printChronology() {
  const body = document.body
  body.classList.add('hearth-print-chronology')
  const done = () => {
    body.classList.remove('hearth-print-chronology')
    window.removeEventListener('afterprint', done)
  }
  window.addEventListener('afterprint', done)
  window.print()
}
