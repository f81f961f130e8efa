import { ContactTime } from '../recording/ContactTime'
import { TeamFamilyMessages } from '../family-voice/TeamFamilyMessages'
import { DueClocks } from '../case-process/DueClocks'
import { useQuery } from '@tanstack/react-query'
import { childrenText, UrgencyTag } from './Urgency'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { Me } from '@hearth/contracts/auth'
import type { TaskView } from '@hearth/contracts/enablers'
import type { MyDay as MyDayT, VisitToRecord } from '@hearth/contracts/team-board'
import { VISIT_KINDS, type VisitKind } from '@hearth/domain/allocation'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'
import { RequestList } from '../enablers/Requests'
import { InsightStatus, type InsightRequest } from '../insight/Insight'
import { dateTime, since } from '../../components/time'

function Arrivals({ day }: { day: z.infer<typeof MyDayT> }) {
  return (
    <section className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m">New families on your team’s board ({day.arrivals.length})</h2>
      {day.arrivals.length === 0 ? (
        <p className="govuk-body">No families are waiting.</p>
      ) : (
        <ul className="govuk-list" aria-live="polite">
          {day.arrivals.map((a) => (
            <li key={a.offerId}>
              <Link className="govuk-link" to={`/families/${a.familyId}`}>
                {a.familyName}
              </Link>{' '}
              <UrgencyTag decision={a.decision} /> · {childrenText(a.childAges, a.childCount)} · arrived{' '}
              {since(a.offeredAt)}{' '}
              {a.openCase && <strong className="govuk-tag govuk-tag--purple">Already known to your team</strong>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The practitioner's home: the day's visits, the families they hold, new arrivals (first when on duty). */
export function MyDay({ me }: { me: Me }) {
  const day = useQuery({
    queryKey: ['my-day'],
    queryFn: () => api<z.infer<typeof MyDayT>>('GET', '/api/me/day'),
    refetchInterval: 60_000,
  })
  const requests = useQuery({
    queryKey: ['tasks', 'mine-requested'],
    queryFn: () => api<z.infer<typeof TaskView>[]>('GET', '/api/me/requests'),
  })
  const insight = useQuery({
    queryKey: ['insight', 'team'],
    queryFn: () => api<InsightRequest[]>('GET', '/api/insight/requests?view=team'),
  })
  if (day.isLoading) return <Loading />
  if (!day.data) return <ErrorSummary error={day.error} />
  const d = day.data
  const onDuty = d.onDutyFor.length > 0
  const boards = me.teams.filter((t) => t.kind === 'family_facing')
  return (
    <>
      {onDuty && (
        <div className="govuk-inset-text">
          You are on duty today for {d.onDutyFor.map((t) => t.teamName).join(', ')}: new families come to you first.
        </div>
      )}
      <p className="govuk-body">
        {boards.map((t) => (
          <Link key={t.id} className="govuk-link govuk-!-margin-right-4" to={`/teams/${t.id}/board`}>
            {t.name} board
          </Link>
        ))}
      </p>
      {onDuty && <Arrivals day={d} />}
      {boards.map((t) => (
        <TeamFamilyMessages key={t.id} teamId={t.id} />
      ))}
      <section className="govuk-!-margin-bottom-6">
        <h2 className="govuk-heading-m">Today’s visits and meetings ({d.visitsToday.length})</h2>
        {d.visitsToday.length === 0 ? (
          <p className="govuk-body">Nothing booked today.</p>
        ) : (
          <ul className="govuk-list">
            {d.visitsToday.map((v) => (
              <li key={v.id}>
                <strong>
                  {new Date(v.startsAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}
                </strong>{' '}
                {VISIT_KINDS[v.kind as VisitKind] ?? v.kind} with the{' '}
                <Link className="govuk-link" to={`/families/${v.familyId}`}>
                  {v.familyName.replace(/ family$/, '')} family
                </Link>
                , {v.place}
                {v.interpreterNeeded && (
                  <>
                    {' '}
                    · <strong className="govuk-tag govuk-tag--grey">Interpreter</strong>
                  </>
                )}{' '}
                · <RecordLink visit={v} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Families you work with ({d.families.length})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Family
            </th>
            <th scope="col" className="govuk-table__header">
              You are
            </th>
            <th scope="col" className="govuk-table__header">
              Next visit
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {d.families.map((f) => (
            <tr className="govuk-table__row" key={f.familyId}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/families/${f.familyId}`}>
                  {f.familyName}
                </Link>
              </td>
              <td className="govuk-table__cell">{f.role === 'lead' ? 'Lead' : 'Co-worker'}</td>
              <td className="govuk-table__cell">
                {f.nextVisitAt ? (
                  dateTime(f.nextVisitAt)
                ) : f.state === 'overdue' ? (
                  <strong className="govuk-tag govuk-tag--red">
                    {f.lastVisitAt ? 'Not seen for over 4 weeks' : 'Not seen since taken on, over 4 weeks ago'}: book a
                    visit
                  </strong>
                ) : f.state === 'not_yet_seen' ? (
                  <strong className="govuk-tag govuk-tag--yellow">Not yet seen: book a first visit</strong>
                ) : (
                  <strong className="govuk-tag govuk-tag--yellow">None booked</strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!onDuty && <Arrivals day={d} />}
      <RequestList tasks={requests.data ?? []} caption="Your requests to the enablers" />
      <InsightLately requests={insight.data ?? []} />
      <VisitsToRecord />
      <DueClocks path="/api/me/clocks" queryKey={['my-day', 'clocks']} heading="Statutory timescales" />
      <ContactTime />
    </>
  )
}

/** The team's requests to the insight team: open ones, and advice from the last fortnight. */
function InsightLately({ requests }: { requests: InsightRequest[] }) {
  const fortnight = Date.now() - 14 * 86_400_000
  const shown = requests.filter(
    (r) =>
      r.status === 'waiting' ||
      r.status === 'taken' ||
      r.status === 'booked' ||
      (r.status === 'advice_given' && r.adviceAt && Date.parse(r.adviceAt) > fortnight),
  )
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby="insight-lately">
      <h2 className="govuk-heading-m" id="insight-lately">
        Consultation and coaching ({shown.length})
      </h2>
      {shown.length === 0 ? (
        <p className="govuk-body">Nothing open with the insight team, and no new advice.</p>
      ) : (
        <ul className="govuk-list">
          {shown.map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" to={`/insight/requests/${r.id}`}>
                {r.topicLabel}
                {r.familyName ? ` (${r.familyName})` : ` (${r.teamName})`}
              </Link>{' '}
              <InsightStatus r={r} />
              {r.sessionAt && r.status === 'booked' ? ` · session ${dateTime(r.sessionAt)}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** Past visits of mine with nothing recorded: each stays here until a note says what happened. */
function VisitsToRecord() {
  const list = useQuery({
    queryKey: ['my-day', 'to-record'],
    queryFn: () => api<z.infer<typeof VisitToRecord>[]>('GET', '/api/me/visits-to-record'),
  })
  const visits = list.data ?? []
  if (!list.data || visits.length === 0) return null
  return (
    <section aria-labelledby="to-record">
      <h2 className="govuk-heading-m" id="to-record">
        Visits to record ({visits.length})
      </h2>
      <p className="govuk-body-s hearth-secondary">
        Say what happened, and whether it was kept on time, late, rearranged or missed.
      </p>
      <ul className="govuk-list">
        {visits.map((v) => (
          <li key={v.id}>
            {new Date(v.startsAt).toLocaleString('en-GB', {
              weekday: 'long',
              day: 'numeric',
              month: 'long',
              hour: '2-digit',
              minute: '2-digit',
              timeZone: 'Europe/London',
            })}
            : {VISIT_KINDS[v.kind as VisitKind] ?? v.kind} with the {v.familyName.replace(/ family$/, '')} family ·{' '}
            <Link className="govuk-link" to={`/families/${v.familyId}?visit=${v.id}`}>
              Record what happened<span className="govuk-visually-hidden"> at this visit</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}

/**
 * What to do about a visit of today's note: one note per visit. Recorded: said so. Begun: carry
 * on with it. Not yet started: nothing to record yet (a visit later today is not recorded before
 * it happens). Otherwise: record what happened.
 */
function RecordLink({ visit: v }: { visit: z.infer<typeof MyDayT>['visitsToday'][number] }) {
  const time = new Date(v.startsAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const hidden = <span className="govuk-visually-hidden"> at the {time} visit</span>
  if (v.recorded === 'final') return <strong className="govuk-tag govuk-tag--green">Recorded</strong>
  if (v.recorded === 'draft')
    return (
      <Link className="govuk-link" to={`/families/${v.familyId}?visit=${v.id}`}>
        Carry on with the note{hidden}
      </Link>
    )
  if (new Date(v.startsAt).getTime() > Date.now())
    return <span className="hearth-secondary">record it once it has happened</span>
  return (
    <Link className="govuk-link" to={`/families/${v.familyId}?visit=${v.id}`}>
      Record what happened{hidden}
    </Link>
  )
}
