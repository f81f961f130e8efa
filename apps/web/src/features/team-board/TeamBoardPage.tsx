import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { childrenText, UrgencyTag } from './Urgency'
import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { TeamInsight } from '../insight/Insight'
import { TeamContactTime } from '../recording/ContactTime'
import { DueClocks } from '../case-process/DueClocks'
import { TeamFamilyMessages } from '../family-voice/TeamFamilyMessages'
import type { z } from 'zod'
import type { Board, RotaDay } from '@hearth/contracts/team-board'
import { CONVERSATION_STAGES } from '@hearth/domain/allocation'
import { longDate } from '@hearth/domain/dates'
import { count, dateTime } from '../../components/time'
import { api } from '../../api'
import { ErrorSummary, Loading, Panel } from '../../components/govuk'
import { useLiveEvents } from '../../live'
import { useMe } from '../../session'

type BoardT = z.infer<typeof Board>

function waited(minutes: number) {
  if (minutes < 60) return `${minutes} min`
  if (minutes < 48 * 60) return count(Math.round(minutes / 60), 'hour')
  return count(Math.round(minutes / 1440), 'day')
}

export function TeamBoardPage() {
  const { id } = useParams()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  useLiveEvents()
  const [done, setDone] = useState<string | null>(null)
  const board = useQuery({ queryKey: ['board', id], queryFn: () => api<BoardT>('GET', `/api/teams/${id}/board`) })
  const rota = useQuery({
    queryKey: ['rota', id],
    queryFn: () => api<z.infer<typeof RotaDay>[]>('GET', `/api/teams/${id}/rota`),
  })
  const claim = useMutation({
    mutationFn: (v: { offerId: string; coWorkerId: string | null; familyName: string }) =>
      api<{ coWorkerIds: string[]; contactHeld: boolean }>(
        'POST',
        `/api/teams/${id}/offers/${v.offerId}/claim`,
        v.coWorkerId ? { coWorkerId: v.coWorkerId } : {},
      ),
    onSuccess: (r, v) => {
      setDone(
        r.contactHeld
          ? `You now lead the ${v.familyName}. Contact with the family is on hold: the letter telling them who their workers are is held for your decision.`
          : `You now lead the ${v.familyName}. The family will get a letter telling them who their workers are.`,
      )
      void queryClient.invalidateQueries({ queryKey: ['board', id] })
    },
  })
  const setDuty = useMutation({
    mutationFn: (v: { day: string; personId: string }) =>
      api('PUT', `/api/teams/${id}/rota/${v.day}`, { personId: v.personId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rota', id] })
      void queryClient.invalidateQueries({ queryKey: ['board', id] })
    },
  })
  if (board.isLoading) return <Loading />
  const b = board.data
  if (!b) return <ErrorSummary error={board.error} />
  const others = b.members.filter((m) => m.personId !== me?.personId)
  const nameOf = (pid: string | null) => b.members.find((m) => m.personId === pid)?.name ?? 'nobody yet'
  return (
    <>
      <span className="govuk-caption-l">Team board</span>
      <h1 className="govuk-heading-l">{b.teamName}</h1>
      <p className="govuk-body">
        On duty today: <strong>{nameOf(b.dutyPersonId)}</strong>.{' '}
        <Link className="govuk-link" to={`/teams/${id}/decisions`}>
          Team decisions log
        </Link>
        {' · '}
        <Link className="govuk-link" to={`/teams/${id}/in-care`}>
          Children in care
        </Link>
      </p>
      <ErrorSummary error={claim.error ?? setDuty.error} />
      {done && <Panel>{done}</Panel>}
      <NewReferrals held={b.held} />

      <h2 className="govuk-heading-m">Waiting for someone to take them ({b.offers.length})</h2>
      {b.offers.length === 0 ? (
        <p className="govuk-body">No families are waiting.</p>
      ) : (
        <ul className="govuk-list" aria-live="polite">
          {b.offers.map((o) => (
            <li key={o.offerId} className="govuk-!-margin-bottom-6">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <Link className="govuk-link" to={`/families/${o.familyId}`}>
                  {o.familyName}
                </Link>{' '}
                <UrgencyTag decision={o.decision} />{' '}
                {o.openCase && <strong className="govuk-tag govuk-tag--purple">Already known to the team</strong>}
              </h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                Waiting {waited(o.waitingMinutes)} · {childrenText(o.childAges, o.childCount)} · {o.postcode}
              </p>
              {o.reasons && <p className="govuk-body govuk-!-margin-bottom-2">{o.reasons}</p>}
              <form
                className="hearth-actions"
                onSubmit={(e) => {
                  e.preventDefault()
                  const co = String(new FormData(e.currentTarget).get('coWorkerId') ?? '')
                  claim.mutate({ offerId: o.offerId, coWorkerId: co || null, familyName: o.familyName })
                }}
              >
                <div className="govuk-form-group govuk-!-margin-bottom-0">
                  <label className="govuk-label govuk-label--s" htmlFor={`co-${o.offerId}`}>
                    Co-worker
                  </label>
                  <select className="govuk-select" id={`co-${o.offerId}`} name="coWorkerId" defaultValue="">
                    <option value="">Ask the team to find one</option>
                    {others.map((m) => (
                      <option key={m.personId} value={m.personId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </div>
                <button
                  type="submit"
                  className="govuk-button govuk-!-margin-bottom-0"
                  data-module="govuk-button"
                  disabled={claim.isPending}
                  aria-label={`I’ll lead this family: ${o.familyName}`}
                >
                  I’ll lead this family
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--m">The team</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Children as lead / cap
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Families as lead
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              As co-worker
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Visits today
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {b.members.map((m) => (
            <tr className="govuk-table__row" key={m.personId}>
              <td data-label="Name" className="govuk-table__cell">
                {m.name} {m.onDutyToday && <strong className="govuk-tag govuk-tag--blue">On duty</strong>}
              </td>
              <td data-label="Children as lead / cap" className="govuk-table__cell govuk-table__cell--numeric">
                {m.leadChildren} / {m.cap}{' '}
                {m.leadChildren >= m.cap && <strong className="govuk-tag govuk-tag--orange">Full</strong>}
              </td>
              <td data-label="Families as lead" className="govuk-table__cell govuk-table__cell--numeric">
                {m.leadFamilies}
              </td>
              <td data-label="As co-worker" className="govuk-table__cell govuk-table__cell--numeric">
                {m.coWorkerFamilies}
              </td>
              <td data-label="Visits today" className="govuk-table__cell govuk-table__cell--numeric">
                {m.visitsToday}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Families the team holds ({b.held.length})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Family
            </th>
            <th scope="col" className="govuk-table__header">
              Lead
            </th>
            <th scope="col" className="govuk-table__header">
              Co-workers
            </th>
            <th scope="col" className="govuk-table__header">
              Conversation
            </th>
            <th scope="col" className="govuk-table__header">
              Next visit
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {b.held.map((h) => (
            <tr className="govuk-table__row" key={h.familyId}>
              <td data-label="Family" className="govuk-table__cell">
                <Link className="govuk-link" to={`/families/${h.familyId}`}>
                  {h.familyName}
                </Link>
                {h.newReferral && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--orange">New referral</strong>
                  </>
                )}
                {h.protection && (
                  <>
                    {' '}
                    <strong className="govuk-tag govuk-tag--red">
                      {h.protection === 'cp_plan' ? 'Child protection plan' : 'Section 47 enquiry'}
                    </strong>
                  </>
                )}
              </td>
              <td data-label="Lead" className="govuk-table__cell">
                {h.lead.name}
              </td>
              <td data-label="Co-workers" className="govuk-table__cell">
                {h.coWorkers.map((c) => c.name).join(', ')}
              </td>
              <td data-label="Conversation" className="govuk-table__cell">
                {h.conversationStage}
              </td>
              <td data-label="Next visit" className="govuk-table__cell">
                {h.nextVisitAt ? (
                  dateTime(h.nextVisitAt)
                ) : (
                  <strong className="govuk-tag govuk-tag--yellow">None booked</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="govuk-body-s">
        Conversations:{' '}
        {Object.entries(CONVERSATION_STAGES)
          .map(([k, v]) => `${v.replace(/^Conversation \d: /, `${k}: `)}`)
          .join(' · ')}
      </p>

      <DueClocks
        path={`/api/teams/${id}/clocks`}
        queryKey={['board', id, 'clocks']}
        heading="Statutory timescales"
        given={b.due}
      />
      <TeamFamilyMessages teamId={id!} />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Duty rota, the next {rota.data?.length ?? 14} days</span>
        </summary>
        <table className="govuk-table hearth-stack">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Day
              </th>
              <th scope="col" className="govuk-table__header">
                On duty
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rota.data?.map((d) => (
              <tr className="govuk-table__row" key={d.day}>
                <td data-label="Day" className="govuk-table__cell">
                  {new Date(`${d.day}T12:00:00Z`).toLocaleDateString('en-GB', {
                    weekday: 'short',
                    day: 'numeric',
                    month: 'short',
                  })}
                </td>
                <td data-label="On duty" className="govuk-table__cell">
                  <label className="govuk-visually-hidden" htmlFor={`duty-${d.day}`}>
                    On duty on {longDate(d.day)}
                  </label>
                  <select
                    className="govuk-select"
                    id={`duty-${d.day}`}
                    value={d.personId ?? ''}
                    onChange={(e) => e.target.value && setDuty.mutate({ day: d.day, personId: e.target.value })}
                  >
                    <option value="">Nobody yet</option>
                    {b.members.map((m) => (
                      <option key={m.personId} value={m.personId}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <TeamContactTime teamId={id!} />
      <TeamInsight teamId={id!} />
    </>
  )
}

const onDay = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  })

/** The front door has a new referral about a family the team holds: the team is told, first. */
function NewReferrals({ held }: { held: z.infer<typeof Board>['held'] }) {
  const fresh = held.filter((h) => h.newReferral)
  if (!fresh.length) return null
  return (
    <section className="govuk-notification-banner" aria-labelledby="new-referrals-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="new-referrals-title">
          New referrals about families you hold
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <ul className="govuk-list">
          {fresh.map((h) => (
            <li key={h.familyId}>
              <Link className="govuk-notification-banner__link" to={`/families/${h.familyId}`}>
                The {h.familyName}
              </Link>
              : a new referral arrived on {onDay(h.newReferral!.receivedAt)}
              {h.newReferral!.awaitingDecision ? ', waiting for the front door’s decision' : ''}. Lead: {h.lead.name}.
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
