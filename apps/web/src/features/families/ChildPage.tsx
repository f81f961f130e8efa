import {
  DISABILITIES,
  DISABILITY_CODES,
  ETHNICITY_CODES,
  ETHNICITY_LABELS,
  type EthnicityCode,
  UPN_UNKNOWN,
  UPN_UNKNOWN_CODES,
} from '@hearth/domain/census-codes'
import { longDate } from '@hearth/domain/dates'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { Child } from '@hearth/contracts/families'
import { api } from '../../api'
import { ChildSharing } from '../sharing/ChildSharing'
import {
  BackLink,
  Button,
  Checkboxes,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Loading,
  SelectField,
  SummaryList,
  TextField,
} from '../../components/govuk'

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
              [
                'Unique pupil number',
                c.upn ?? (c.upnUnknown ? `Not known: ${UPN_UNKNOWN[c.upnUnknown as keyof typeof UPN_UNKNOWN]}` : null),
              ],
              [
                'Disabilities',
                c.disabilities.length
                  ? c.disabilities.map((d) => DISABILITIES[d as keyof typeof DISABILITIES] ?? d).join(', ')
                  : 'Not recorded',
              ],
              ...(c.dateOfDeath ? [['Date of death', longDate(c.dateOfDeath)] as [string, string]] : []),
              ['Council child ID', c.laChildId],
            ]}
          />
          <CensusDetails c={c} path={`/api/children/${c.id}`} queryKey={['child', c.id]} />
          <ChildSharing childId={c.id} />
          <p className="govuk-body-s">Opening this record is written to the audit trail.</p>
        </>
      )}
    </>
  )
}

type ChildT = z.infer<typeof Child>

/** The details the census needs, corrected here (a returns report links to this page). */
export function CensusDetails({ c, path, queryKey }: { c: ChildT; path: string; queryKey: unknown[] }) {
  const queryClient = useQueryClient()
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    mutationFn: (body: unknown) => api<ChildT>('PATCH', path, body),
    onSuccess: (row) => {
      setSaved(true)
      void queryClient.invalidateQueries({ queryKey })
      void row
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    setSaved(false)
    const f = new FormData(e.currentTarget)
    const upn = String(f.get('upn') ?? '').trim()
    save.mutate({
      ethnicity: f.get('ethnicity') || undefined,
      upn: upn || null,
      upnUnknown: upn ? null : f.get('upnUnknown') || null,
      disabilities: f.getAll('disabilities'),
      dateOfDeath: dateFromForm(f, 'dateOfDeath') || null,
    })
  }
  return (
    <FormScope name="child-census">
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Change the details the census needs</span>
        </summary>
        <div className="govuk-details__text">
          {saved && (
            <p className="govuk-body" role="status">
              Saved.
            </p>
          )}
          <ErrorSummary error={save.error} />
          <form noValidate onSubmit={submit}>
            <SelectField
              name="ethnicity"
              label="Ethnicity"
              defaultValue={c.ethnicity}
              options={ETHNICITY_CODES.map((e) => ({ value: e, label: ETHNICITY_LABELS[e] }))}
              error={save.error}
            />
            <TextField name="upn" label="Unique pupil number (UPN)" defaultValue={c.upn ?? ''} error={save.error} />
            <SelectField
              name="upnUnknown"
              label="If there is no UPN, why"
              defaultValue={c.upnUnknown ?? ''}
              options={[
                { value: '', label: 'Choose' },
                ...UPN_UNKNOWN_CODES.map((u) => ({ value: u, label: `${UPN_UNKNOWN[u]} (${u})` })),
              ]}
              error={save.error}
            />
            <Checkboxes
              name="disabilities"
              label="Disabilities"
              hint="Choose all that apply, or “No disability” on its own."
              options={DISABILITY_CODES.map((d) => ({ value: d, label: DISABILITIES[d] }))}
              defaultChecked={c.disabilities}
              error={save.error}
            />
            <DateInput
              name="dateOfDeath"
              label="Date of death (only if the child has died)"
              defaultValue={c.dateOfDeath ?? undefined}
              error={save.error}
            />
            <Button disabled={save.isPending}>Save the census details</Button>
          </form>
        </div>
      </details>
    </FormScope>
  )
}
