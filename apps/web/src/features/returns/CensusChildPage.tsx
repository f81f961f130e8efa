import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { CensusChildView } from '@hearth/contracts/returns'
import { CLOSURE_REASONS } from '@hearth/domain/case-steps'
import { DISABILITIES, ETHNICITY_LABELS, type EthnicityCode, UPN_UNKNOWN } from '@hearth/domain/census-codes'
import { longDate } from '@hearth/domain/dates'
import { PRIMARY_NEED_CODES, REFERRAL_SOURCES } from '@hearth/domain/referrals'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading, SummaryList } from '../../components/govuk'
import { CensusDetails } from '../families/ChildPage'

type View = z.infer<typeof CensusChildView>
const say = (list: Record<string, string>, code: string | null) => (code ? `${list[code] ?? code} (${code})` : '–')

/**
 * A child as the census sees them, for the data team: the details they may correct here, and the
 * episodes of this collection year (corrected on the family's record by the team holding it).
 */
export function CensusChildPage() {
  const { id } = useParams()
  const key = ['census-child', id]
  const q = useQuery({ queryKey: key, queryFn: () => api<View>('GET', `/api/returns/children/${id}`) })
  if (q.isLoading) return <Loading />
  const v = q.data
  return (
    <>
      <BackLink to="/returns/census">Back to the census</BackLink>
      <ErrorSummary error={q.error} />
      {v && (
        <>
          <h1 className="govuk-heading-l">Child {v.child.laChildId}</h1>
          <SummaryList
            rows={[
              ['Name', `${v.child.firstName} ${v.child.lastName}`],
              [
                v.child.dateOfBirth ? 'Date of birth' : 'Expected date of birth',
                longDate((v.child.dateOfBirth ?? v.child.expectedDateOfBirth)!),
              ],
              ['Ethnicity', ETHNICITY_LABELS[v.child.ethnicity as EthnicityCode] ?? v.child.ethnicity],
              [
                'Unique pupil number',
                v.child.upn ?? (v.child.upnUnknown ? say(UPN_UNKNOWN, v.child.upnUnknown) : 'Not recorded'),
              ],
              [
                'Disabilities',
                v.child.disabilities.length
                  ? v.child.disabilities.map((d) => DISABILITIES[d as keyof typeof DISABILITIES] ?? d).join(', ')
                  : 'Not recorded',
              ],
              ['Team holding the family', v.holdingTeam ?? 'Nobody holds the family now'],
            ]}
          />
          <CensusDetails c={v.child} path={`/api/returns/children/${v.child.id}`} queryKey={key} />
          <h2 className="govuk-heading-m">
            Episodes in {v.collectionYear - 1} to {v.collectionYear}
          </h2>
          <p className="govuk-body">
            Referrals, assessments, enquiries and plans are corrected on the family’s record by the team holding it
            {v.holdingTeam ? ` (${v.holdingTeam})` : ''}.
          </p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">The child’s episodes this year</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Referral
                </th>
                <th scope="col" className="govuk-table__header">
                  Need
                </th>
                <th scope="col" className="govuk-table__header">
                  Closed
                </th>
                <th scope="col" className="govuk-table__header">
                  In it
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {v.episodes.map((e) => (
                <tr className="govuk-table__row" key={`${e.referralDate}-${e.referralNfa}`}>
                  <td className="govuk-table__cell">
                    {longDate(e.referralDate)}: {say(REFERRAL_SOURCES, e.referralSource)}
                    {e.referralNfa ? ' (no further action)' : ''}
                  </td>
                  <td className="govuk-table__cell">{say(PRIMARY_NEED_CODES, e.primaryNeed)}</td>
                  <td className="govuk-table__cell">
                    {e.closureDate ? `${longDate(e.closureDate)}: ${say(CLOSURE_REASONS, e.closureReason)}` : 'Open'}
                  </td>
                  <td className="govuk-table__cell">
                    {e.assessments} assessments, {e.section47s} enquiries, {e.cpPlans} child protection plans,{' '}
                    {e.cinPlans} child in need plans, {e.preProceedings} pre-proceedings
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  )
}
