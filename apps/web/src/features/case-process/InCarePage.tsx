import { useQuery } from '@tanstack/react-query'
import { Link, useParams } from 'react-router'
import type { InCareView } from '@hearth/contracts/case-process'
import { longDate } from '@hearth/domain/dates'
import { NEW_EPISODE_REASONS, type NewEpisodeReason } from '@hearth/domain/ssda903-codes'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading } from '../../components/govuk'
import { useLiveEvents } from '../../live'
import { DueTag } from './DueClocks'

/** One row of a summary list: a key, and what Hearth knows, or that nothing is recorded. */
function Row({ k, children }: { k: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{k}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  )
}
const never = 'Not recorded yet'

/**
 * A looked-after child on one page (#34): what is due first, then the period of care, the legal
 * status and placement, the care plan, health, education, reviews and times missing. Everything
 * here comes from the steps recorded on the family's page; this page reads, it does not write.
 */
export function InCarePage() {
  const { id } = useParams()
  const childId = id!
  useLiveEvents()
  const view = useQuery({
    queryKey: ['in-care', childId],
    queryFn: () => api<InCareView>('GET', `/api/children/${childId}/in-care`),
  })
  if (view.isLoading) return <Loading />
  const v = view.data
  return (
    <>
      {v && <BackLink to={`/families/${v.familyId}#case-process`}>Back to the family</BackLink>}
      <ErrorSummary error={view.error} />
      {v && (
        <>
          <span className="govuk-caption-l">{v.childName}</span>
          <h1 className="govuk-heading-l">In care</h1>
          {!v.lookedAfter && (
            <p className="govuk-body">
              {v.childName} has not been looked after. Record “Looked after” under the statutory steps on the{' '}
              <Link className="govuk-link" to={`/families/${v.familyId}#case-process`}>
                family’s page
              </Link>
              .
            </p>
          )}
          <section aria-labelledby="in-care-due">
            <h2 className="govuk-heading-m" id="in-care-due">
              What is due
            </h2>
            {v.due.length === 0 ? (
              <p className="govuk-body">Nothing is running for {v.childName}.</p>
            ) : (
              <ul className="govuk-list" aria-label="Due for this child, soonest first">
                {v.due.map((c) => (
                  <li key={c.key}>
                    {c.label} by {longDate(c.dueOn)} <DueTag state={c.state} />{' '}
                    <span className="govuk-body-s hearth-secondary">({c.source})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {v.lookedAfter && (
            <>
              <h2 className="govuk-heading-m">Being looked after</h2>
              <dl className="govuk-summary-list">
                <Row k="Since">
                  {longDate(v.lookedAfter.since)}
                  {v.lookedAfter.until ? `, until ${longDate(v.lookedAfter.until)}` : ''}
                  {v.periodsOfCare > 1 ? ` (looked after ${v.periodsOfCare} times in all)` : ''}
                </Row>
                <Row k="Legal status">
                  {v.lookedAfter.legalStatusLabel} ({v.lookedAfter.legalStatus})
                </Row>
                <Row k="Placement">
                  {v.placement
                    ? `${v.placement.typeLabel} (${v.placement.type}), ${v.placement.inArea ? 'in the area' : 'out of the area'}, since ${longDate(v.placement.since)}${v.placement.untilEighteen ? '; meant to last until 18' : ''}`
                    : 'No placement recorded'}
                  {v.placementsThisPeriod > 1 ? ` (placement ${v.placementsThisPeriod} in this time in care)` : ''}
                </Row>
                {v.placement && (
                  <Row k="Provided by">
                    {v.placement.providerLabel ?? 'No provider (a temporary move or another placement)'}
                    {v.placement.postcode ? `; postcode ${v.placement.postcode} (not shown to the parents)` : ''}
                  </Row>
                )}
                <Row k="Care plan">{v.carePlanAgreedOn ? `Agreed ${longDate(v.carePlanAgreedOn)}` : never}</Row>
              </dl>
              {v.episodes.length > 0 && (
                <table className="govuk-table hearth-stack">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    This time in care as the looked-after return counts it
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      {['From', 'Why it started', 'Legal status', 'Placement', 'Until'].map((h) => (
                        <th scope="col" className="govuk-table__header" key={h}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {v.episodes.map((e) => (
                      <tr className="govuk-table__row" key={e.decom}>
                        <td className="govuk-table__cell" data-label="From">
                          {longDate(e.decom)}
                        </td>
                        <td className="govuk-table__cell" data-label="Why it started">
                          {NEW_EPISODE_REASONS[e.rne as NewEpisodeReason] ?? e.rne} ({e.rne})
                        </td>
                        <td className="govuk-table__cell" data-label="Legal status">
                          {e.ls}
                        </td>
                        <td className="govuk-table__cell" data-label="Placement">
                          {e.place ?? 'None recorded'}
                          {e.provider ? ` (${e.provider})` : ''}
                        </td>
                        <td className="govuk-table__cell" data-label="Until">
                          {e.dec ? `${longDate(e.dec)} (${e.rec ?? 'reason not recorded'})` : 'Now'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <h2 className="govuk-heading-m">Health</h2>
              <dl className="govuk-summary-list">
                <Row k="Last health assessment">
                  {v.health.lastAssessment
                    ? `${longDate(v.health.lastAssessment.on)} (${v.health.lastAssessment.type === 'initial' ? 'initial' : 'review'})`
                    : never}
                </Row>
                <Row k="Last dental check">{v.health.lastDentalCheck ? longDate(v.health.lastDentalCheck) : never}</Row>
              </dl>
              <h2 className="govuk-heading-m">Education</h2>
              <dl className="govuk-summary-list">
                <Row k="Personal education plan">
                  {v.education.lastPlan
                    ? `${v.education.lastPlan.type === 'initial' ? 'Put in place' : 'Last reviewed'} ${longDate(v.education.lastPlan.on)}`
                    : never}
                </Row>
              </dl>
              <h2 className="govuk-heading-m">Reviews</h2>
              <dl className="govuk-summary-list">
                <Row k="Last looked-after review">
                  {v.reviews.last ? `${longDate(v.reviews.last)} (${v.reviews.held} held in this time in care)` : never}
                </Row>
              </dl>
              <h2 className="govuk-heading-m">Missing or away</h2>
              {v.missing.length === 0 ? (
                <p className="govuk-body">No time missing or away recorded in this time in care.</p>
              ) : (
                <ul className="govuk-list govuk-list--bullet">
                  {v.missing.map((m) => (
                    <li key={m.stepId}>
                      {m.kind === 'away' ? 'Away from placement' : 'Missing'} from {longDate(m.from)}
                      {m.to ? ` to ${longDate(m.to)}` : ', not back yet'}:{' '}
                      {m.returnInterview === 'held'
                        ? `return home interview held ${longDate(m.returnInterviewOn!)}`
                        : m.returnInterview === 'declined'
                          ? 'return home interview offered and declined'
                          : m.to
                            ? 'return home interview not yet held'
                            : 'the return home interview follows their coming back'}
                    </li>
                  ))}
                </ul>
              )}
              <p className="govuk-body">
                To record a placement, a plan, an assessment or time missing, use the statutory steps on the{' '}
                <Link className="govuk-link" to={`/families/${v.familyId}#case-process`}>
                  family’s page
                </Link>
                ; everything recorded there shows here.
              </p>
            </>
          )}
        </>
      )}
    </>
  )
}
