import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import type { z } from 'zod'
import type { MyContactTime, TeamContactTime as TeamContactTimeView } from '@hearth/contracts/recording'
import { longDate } from '@hearth/domain/dates'
import { api } from '../../api'
import {
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  SelectField,
  TextField,
} from '../../components/govuk'

const pct = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)
const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`

/**
 * The practitioner's own time with families, week by week: the minutes their notes record over
 * the hours they worked. A week with no hours (leave) shows a dash, not 0 %.
 */
export function ContactTime() {
  const q = useQuery({
    queryKey: ['contact-time', 'me'],
    queryFn: () => api<z.infer<typeof MyContactTime>>('GET', '/api/me/contact-time?weeks=8'),
  })
  if (!q.data) return null
  const d = q.data
  const weeks = [...d.weeks].reverse()
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="contact-time-heading">
      <h2 className="govuk-heading-m" id="contact-time-heading">
        Your time with families
      </h2>
      <p className="govuk-body">
        This week: <strong>{pct(weeks[0]?.share ?? null)}</strong> of your working week. The aim is{' '}
        {Math.round(d.target * 100)}% or more; before Hearth it was {Math.round(d.before * 100)}%. It comes from the
        minutes in your notes.
      </p>
      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--s">The last 8 weeks</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Week starting
            </th>
            <th scope="col" className="govuk-table__header">
              With families
            </th>
            <th scope="col" className="govuk-table__header">
              Worked
            </th>
            <th scope="col" className="govuk-table__header">
              Share
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {weeks.map((w) => (
            <tr className="govuk-table__row" key={w.weekStart}>
              <td className="govuk-table__cell" data-label="Week starting">
                {longDate(w.weekStart)}
              </td>
              <td className="govuk-table__cell" data-label="With families">
                {hours(w.directMinutes)}
              </td>
              <td className="govuk-table__cell" data-label="Worked">
                {w.workingMinutes ? hours(w.workingMinutes) : 'On leave'}
              </td>
              <td className="govuk-table__cell" data-label="Share">
                {pct(w.share)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/**
 * For the team itself (it manages itself): each practitioner's share of this week and last with
 * families, and the team's. Insight and strategy never see this list.
 */
export function TeamContactTime({ teamId }: { teamId: string }) {
  const q = useQuery({
    queryKey: ['contact-time', 'team', teamId],
    queryFn: () => api<z.infer<typeof TeamContactTimeView>>('GET', `/api/teams/${teamId}/contact-time?weeks=2`),
  })
  if (!q.data) return null
  const d = q.data
  const [last, now] = [0, 1]
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="team-contact-heading">
      <h2 className="govuk-heading-m" id="team-contact-heading">
        Time with families
      </h2>
      <p className="govuk-body">
        The share of each working week spent with families, from the minutes in notes. The aim is{' '}
        {Math.round(d.target * 100)}% or more.
      </p>
      <table className="govuk-table hearth-stack">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              This week
            </th>
            <th scope="col" className="govuk-table__header">
              Last week
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {d.members.map((m) => (
            <tr className="govuk-table__row" key={m.personId}>
              <td className="govuk-table__cell" data-label="Who">
                {m.name}
              </td>
              <td className="govuk-table__cell" data-label="This week">
                {pct(m.weeks[now]?.share ?? null)}
              </td>
              <td className="govuk-table__cell" data-label="Last week">
                {pct(m.weeks[last]?.share ?? null)}
              </td>
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header" data-label="Who">
              The team
            </th>
            <td className="govuk-table__cell" data-label="This week">
              <strong>{pct(d.team[now]?.share ?? null)}</strong>
            </td>
            <td className="govuk-table__cell" data-label="Last week">
              <strong>{pct(d.team[last]?.share ?? null)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="govuk-body">
        Visits and meetings booked with families:{' '}
        {(['this week', 'last week'] as const)
          .map((when, i) => {
            const a = d.appointments[i === 0 ? now : last]
            return a?.appointments
              ? `${when}, ${a.onTime} of ${a.appointments} kept on time, ${a.shortNotice} rearranged at under 24 hours’ notice, ${a.missed} missed`
              : `${when}, none recorded yet`
          })
          .join('; ')}
        .
      </p>
      <WorkingTime teamId={teamId} members={d.members} />
    </section>
  )
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** "7.4", "7:24" or "7" hours as minutes; an empty box is no hours; anything else is sent as is, to be refused. */
function minutesOf(text: string): number {
  const t = text.trim()
  if (!t) return 0
  const hm = /^(\d{1,2}):(\d{2})$/.exec(t)
  if (hm) return Number(hm[1]) * 60 + Number(hm[2])
  return /^\d{1,2}(\.\d+)?$/.test(t) ? Math.round(Number(t) * 60) : Number.NaN
}

/** The team sets a member's working hours for each day, and records their leave. */
export function WorkingTime({ teamId, members }: { teamId: string; members: { personId: string; name: string }[] }) {
  const queryClient = useQueryClient()
  const [who, setWho] = useState(members[0]?.personId ?? '')
  const [done, setDone] = useState<string | null>(null)
  const refresh = (message: string) => {
    setDone(message)
    void queryClient.invalidateQueries({ queryKey: ['contact-time'] })
  }
  const hoursMutation = useMutation({
    mutationFn: (minutes: number[]) => api('PUT', `/api/teams/${teamId}/members/${who}/working-pattern`, { minutes }),
    onSuccess: () => refresh('Their working hours are saved.'),
  })
  const leaveMutation = useMutation({
    mutationFn: (body: { from: string; to: string }) => api('POST', `/api/teams/${teamId}/members/${who}/leave`, body),
    onSuccess: () => refresh('Their leave is recorded.'),
  })
  const name = members.find((m) => m.personId === who)?.name ?? 'them'
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Working hours and leave</span>
      </summary>
      <div className="govuk-details__text">
        <SelectField
          name="who"
          label="Whose"
          value={who}
          onChange={(v) => {
            setWho(v)
            setDone(null)
          }}
          options={members.map((m) => ({ value: m.personId, label: m.name }))}
        />
        {done && (
          <p className="govuk-body" role="status">
            {done}
          </p>
        )}
        <FormScope name="hours">
          <ErrorSummary error={hoursMutation.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              const f = new FormData(e.currentTarget)
              hoursMutation.mutate(DAYS.map((d) => minutesOf(String(f.get(d) ?? ''))))
            }}
          >
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Hours {name} works each day (for example 7.4 or 7:24; leave empty for none)
              </legend>
              {DAYS.map((d, i) => (
                <TextField
                  key={d}
                  name={d}
                  field={`minutes.${i}`}
                  label={d}
                  defaultValue={i < 5 ? '7:24' : ''}
                  error={hoursMutation.error}
                  width="govuk-input--width-4"
                />
              ))}
            </fieldset>
            <Button disabled={hoursMutation.isPending}>Save the hours</Button>
          </form>
        </FormScope>
        <FormScope name="leave">
          <ErrorSummary error={leaveMutation.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              const f = new FormData(e.currentTarget)
              leaveMutation.mutate({ from: dateFromForm(f, 'from'), to: dateFromForm(f, 'to') })
            }}
          >
            <DateInput name="from" label={`First day of ${name}’s leave`} error={leaveMutation.error} />
            <DateInput name="to" label="Last day of leave" error={leaveMutation.error} />
            <Button disabled={leaveMutation.isPending}>Record the leave</Button>
          </form>
        </FormScope>
      </div>
    </details>
  )
}
