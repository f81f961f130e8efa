import { ETHNICITY_LABELS, type EthnicityCode, longDate } from '@hearth/domain'
import { useQuery } from '@tanstack/react-query'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { Child } from '@hearth/contracts'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading, SummaryList } from '../../components/govuk'

const SEX = { M: 'Male', F: 'Female', U: 'Unknown or unborn' } as const

export function ChildPage() {
  const { id } = useParams()
  const child = useQuery({
    queryKey: ['child', id],
    queryFn: () => api<z.infer<typeof Child>>('GET', `/api/children/${id}`),
  })
  if (child.isLoading) return <Loading />
  const c = child.data
  return (
    <>
      {c && <BackLink to={`/families/${c.familyId}`}>Back to the family</BackLink>}
      <ErrorSummary error={child.error} />
      {c && (
        <>
          <h1 className="govuk-heading-l">
            {c.firstName} {c.lastName}
          </h1>
          <SummaryList
            rows={[
              [
                c.dateOfBirth ? 'Date of birth' : 'Expected date of birth',
                longDate((c.dateOfBirth ?? c.expectedDateOfBirth)!),
              ],
              ['Sex', SEX[c.sex]],
              ['Ethnicity', ETHNICITY_LABELS[c.ethnicity as EthnicityCode] ?? c.ethnicity],
              ['NHS number', c.nhsNumber],
              ['Unique pupil number', c.upn],
              ['Council child ID', c.laChildId],
            ]}
          />
          <p className="govuk-body-s">Opening this record is written to the audit trail.</p>
        </>
      )}
    </>
  )
}
