import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, Fragment, useState } from 'react'
import { Link, useParams } from 'react-router'
import { ETHNICITY_CODES, ETHNICITY_LABELS } from '@hearth/domain/census-codes'
import { api } from '../../api'
import { childrenOf, familyPanelsFor, type FamilyView } from '../../feature'
import { AddressConfidentiality } from './AddressConfidentiality'
import { Restriction } from './Restriction'
import { useLiveEvents } from '../../live'
import { hasRole, useMe } from '../../session'
import { AddPerson, relationshipWords } from './AddPerson'
import {
  BackLink,
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  Loading,
  SelectField,
  SummaryList,
  TextField,
} from '../../components/govuk'

export function FamilyPage() {
  const { id } = useParams()
  useLiveEvents()
  const { data: me } = useMe()
  const queryClient = useQueryClient()
  const family = useQuery({
    queryKey: ['family', id],
    queryFn: () => api<FamilyView>('GET', `/api/families/${id}`),
  })
  const [childForm, setChildForm] = useState(0)
  const addChild = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/families/${id}/children`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['family', id] }),
  })
  if (family.isLoading) return <Loading />
  const f = family.data
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const d = new FormData(form)
    const dob = dateFromForm(d, 'dateOfBirth')
    const edd = dateFromForm(d, 'expectedDateOfBirth')
    addChild.mutate(
      {
        firstName: d.get('firstName'),
        lastName: d.get('lastName'),
        dateOfBirth: dob || null,
        expectedDateOfBirth: edd || null,
        sex: d.get('sex'),
        ethnicity: d.get('ethnicity'),
        nhsNumber: d.get('nhsNumber') || null,
      },
      {
        onSuccess: () => {
          form.reset()
          setChildForm((k) => k + 1) // the date boxes start empty again
        },
      },
    )
  }
  const adultName = (adultId: string) => f?.adults.find((a) => a.id === adultId)?.name ?? 'Someone'
  const childName = (childId: string) => {
    const c = f?.children.find((x) => x.id === childId)
    return c ? `${c.firstName} ${c.lastName}` : 'a child'
  }
  return (
    <>
      <BackLink to="/families">Back to families</BackLink>
      <ErrorSummary error={family.error} />
      {f && (
        <>
          <span className="govuk-caption-l">{f.reference}</span>
          <h1 className="govuk-heading-l">{f.name}</h1>
          <SummaryList
            rows={[
              [
                'Address',
                `${[f.addressLine1, f.addressLine2, f.town, f.postcode].filter(Boolean).join(', ')}${f.addressConfidential && f.addressVisible ? ' (confidential: shown only to the staff named on it)' : ''}`,
              ],
              ['Patch', f.patchName ?? 'No patch covers this postcode'],
              ['Language', `${f.language}${f.interpreterNeeded ? ' (needs an interpreter)' : ''}`],
            ]}
          />
          <p className="govuk-body">
            <Link className="govuk-link" to={`/families/${f.id}/export`}>
              Export the whole record
            </Link>
          </p>
          <Restriction familyId={f.id} restricted={f.restricted} restrictedTo={f.restrictedTo} />
          <AddressConfidentiality
            familyId={f.id}
            confidential={f.addressConfidential}
            visible={f.addressVisible !== false}
            shownTo={f.addressShownTo}
          />
          <Panels where="above" family={f} />
          <h2 className="govuk-heading-m">Children</h2>
          <ul className="govuk-list">
            {f.children.map((c) => (
              <li key={c.id}>
                <Link className="govuk-link" to={`/children/${c.id}`}>
                  {c.firstName} {c.lastName}
                </Link>
                {c.dateOfBirth
                  ? `, born ${new Date(c.dateOfBirth).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`
                  : c.expectedDateOfBirth
                    ? `, expected ${new Date(c.expectedDateOfBirth).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}`
                    : ''}
                {/* the NHS number: the child's consistent identifier across agencies */}
                {c.nhsNumber ? `, NHS number ${c.nhsNumber.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}` : ''}
              </li>
            ))}
          </ul>
          <h2 className="govuk-heading-m">People around the children</h2>
          {hasRole(me, 'practitioner') && (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/families/${f.id}/network`}>
                Everyone around the children, and how they are related
              </Link>
            </p>
          )}
          {f.adults.length === 0 ? (
            <p className="govuk-body">No one recorded yet.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {f.adults.map((a) => (
                <li key={a.id}>
                  <strong>{a.name}</strong>
                  {a.description ? ` (${a.description})` : ''}
                  {a.livesWithFamily ? ', lives with the family' : ''}.
                  {f.relationships
                    .filter((r) => r.adultId === a.id)
                    .map((r) => (
                      <span key={r.id}>
                        {' '}
                        {adultName(r.adultId)} is {relationshipWords(r.kind)} to {childName(r.childId)}.
                        {r.strengths ? ` Going well: ${r.strengths}` : ''}
                        {r.worries ? ` Worries: ${r.worries}` : ''}
                      </span>
                    ))}
                </li>
              ))}
            </ul>
          )}
          <AddPerson familyId={f.id} kids={childrenOf(f)} />
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Add a child</span>
            </summary>
            <div className="govuk-details__text">
              <ErrorSummary error={addChild.error} />
              <form onSubmit={submit} noValidate key={childForm}>
                <TextField name="firstName" label="First name" error={addChild.error} width="govuk-input--width-20" />
                <TextField
                  name="lastName"
                  label="Last name"
                  defaultValue={f.name.replace(/ family$/, '')}
                  error={addChild.error}
                  width="govuk-input--width-20"
                />
                <DateInput
                  name="dateOfBirth"
                  label="Date of birth"
                  hint="For example, 27 3 2019"
                  error={addChild.error}
                />
                <DateInput
                  name="expectedDateOfBirth"
                  label="Or, for an unborn child, the expected date of birth"
                  hint="For example, 14 6 2027"
                  error={addChild.error}
                />
                <SelectField
                  name="sex"
                  label="Sex"
                  options={[
                    { value: 'F', label: 'Female' },
                    { value: 'M', label: 'Male' },
                    { value: 'U', label: 'Unknown or unborn' },
                  ]}
                  error={addChild.error}
                />
                <SelectField
                  name="ethnicity"
                  label="Ethnicity"
                  defaultValue="NOBT"
                  options={ETHNICITY_CODES.map((c) => ({ value: c, label: ETHNICITY_LABELS[c] }))}
                  error={addChild.error}
                />
                <TextField
                  name="nhsNumber"
                  label="NHS number (optional)"
                  error={addChild.error}
                  width="govuk-input--width-10"
                />
                <Button disabled={addChild.isPending}>Add child</Button>
              </form>
            </div>
          </details>
          <Panels where="below" family={f} />
        </>
      )}
    </>
  )
}

/** Other features' sections of the page (each feature's `familyPanels`), in their order. */
function Panels({ where, family }: { where: 'above' | 'below'; family: FamilyView }) {
  const { data: me } = useMe()
  if (!me) return null
  return familyPanelsFor(me, where).map((p) => <Fragment key={p.id}>{p.panel(family, me)}</Fragment>)
}
