import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { ReferralDetail } from '@hearth/contracts/referrals'
import { FAMILY_CONSENT, FAMILY_CONSENT_LIST, REFERRAL_SOURCE_CODES, REFERRAL_SOURCES } from '@hearth/domain/referrals'
import { api, newKey } from '../../api'
import {
  BackLink,
  Button,
  DateInput,
  ErrorSummary,
  Radios,
  SelectField,
  TextArea,
  TextField,
  DateTimeInput,
} from '../../components/govuk'
import { Candidates, type ChildRow, localNow } from './Candidates'

export function NewReferralPage() {
  const navigate = useNavigate()
  const [idempotencyKey] = useState(() => newKey())
  const [rows, setRows] = useState<ChildRow[]>([
    { key: 1, mode: 'new', firstName: '', lastName: '', dateOfBirth: '', sex: 'U' },
  ])
  const [postcode, setPostcode] = useState('')
  const [declined, setDeclined] = useState<string[]>([])
  const linkedFamily = rows.find((r): r is Extract<ChildRow, { mode: 'linked' }> => r.mode === 'linked')
  const create = useMutation({
    // The same key for every press of "Save": a double click or a retry never makes a second referral.
    mutationFn: (body: unknown) =>
      api<z.infer<typeof ReferralDetail>>('POST', '/api/referrals', body, { 'idempotency-key': idempotencyKey }),
    onSuccess: (r) => navigate(`/referrals/${r.id}`),
  })
  const update = (key: number, patch: Partial<Extract<ChildRow, { mode: 'new' }>>) =>
    setRows((rs) => rs.map((r) => (r.key === key && r.mode === 'new' ? { ...r, ...patch } : r)))

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const received = String(f.get('receivedAt') ?? '')
    const family = linkedFamily
      ? { existingFamilyId: linkedFamily.familyId }
      : {
          name: f.get('familyName'),
          addressLine1: f.get('addressLine1'),
          addressLine2: f.get('addressLine2'),
          town: f.get('town'),
          postcode,
          language: f.get('language') || 'English',
          interpreterNeeded: f.get('interpreterNeeded') === 'yes',
        }
    create.mutate({
      receivedAt: received ? new Date(received).toISOString() : '',
      source: f.get('source'),
      referrerName: f.get('referrerName'),
      referrerOrganisation: f.get('referrerOrganisation'),
      referrerContact: f.get('referrerContact'),
      worries: f.get('worries'),
      familyKnowledge: f.get('familyKnowledge'),
      familyConsent: f.get('familyConsent') ?? 'unknown',
      family,
      children: rows.map((r) =>
        r.mode === 'linked'
          ? { existingChildId: r.childId }
          : { firstName: r.firstName, lastName: r.lastName, dateOfBirth: r.dateOfBirth || null, sex: r.sex },
      ),
      declinedMatches: declined,
    })
  }
  const err = create.error

  return (
    <>
      <BackLink to="/referrals">Back to referrals</BackLink>
      <ErrorSummary error={err} />
      <h1 className="govuk-heading-l">Record a referral</h1>
      <form onSubmit={submit} noValidate>
        <h2 className="govuk-heading-m">Who referred</h2>
        <DateTimeInput name="receivedAt" label="When it was received" defaultValue={localNow()} error={err} />
        <SelectField
          name="source"
          label="Where the referral came from"
          options={REFERRAL_SOURCE_CODES.map((c) => ({ value: c, label: REFERRAL_SOURCES[c] }))}
          defaultValue="2A"
          error={err}
        />
        <TextField
          name="referrerName"
          label="Their name"
          hint="Leave empty only for an anonymous referral."
          error={err}
          width="govuk-input--width-30"
        />
        <TextField
          name="referrerOrganisation"
          label="Their role or organisation (optional)"
          error={err}
          width="govuk-input--width-30"
        />
        <TextField
          name="referrerContact"
          label="How to reach them (optional)"
          error={err}
          width="govuk-input--width-30"
        />

        <h2 className="govuk-heading-m">The worries</h2>
        <TextArea name="worries" label="What the referrer is worried about, in their own words" rows={5} error={err} />
        <Radios
          name="familyConsent"
          label="Does the family know about this referral?"
          hint="If they do not know, Hearth holds every letter to the family until the lead decides."
          options={FAMILY_CONSENT_LIST.map((c) => ({ value: c, label: FAMILY_CONSENT[c] }))}
          defaultValue="unknown"
          error={err}
        />
        <TextArea
          name="familyKnowledge"
          label="What the family knows and has agreed to (optional)"
          rows={2}
          error={err}
        />

        <h2 className="govuk-heading-m">The children</h2>
        {rows.map((r, i) =>
          r.mode === 'linked' ? (
            <div className="govuk-inset-text" key={r.key}>
              Linked to the known record of <strong>{r.label}</strong>.{' '}
              <button
                type="button"
                className="govuk-link hearth-link-button"
                onClick={() =>
                  setRows((rs) =>
                    rs.map((x) =>
                      x.key === r.key
                        ? { key: r.key, mode: 'new', firstName: '', lastName: '', dateOfBirth: '', sex: 'U' }
                        : x,
                    ),
                  )
                }
              >
                Undo
              </button>
            </div>
          ) : (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-4" key={r.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Child {i + 1}</legend>
              {(['firstName', 'lastName'] as const).map((field) => (
                <TextField
                  key={field}
                  name={`child-${r.key}-${field}`}
                  field={`children.${i}.${field}`}
                  label={field === 'firstName' ? 'First name' : 'Last name'}
                  value={r[field]}
                  onChange={(v) => update(r.key, { [field]: v })}
                  error={err}
                  width="govuk-input--width-20"
                />
              ))}
              <DateInput
                name={`child-${r.key}-dateOfBirth`}
                field={`children.${i}.dateOfBirth`}
                label="Date of birth"
                hint="For example, 8 3 2018"
                value={r.dateOfBirth}
                onChange={(v) => update(r.key, { dateOfBirth: v })}
                error={err}
              />
              <Candidates
                row={r}
                postcode={postcode}
                declined={declined}
                onDecline={(m) => setDeclined((d) => [...d, m.childId])}
                onLink={(m) => {
                  if (linkedFamily && linkedFamily.familyId !== m.familyId) return
                  setRows((rs) =>
                    rs.map((x) =>
                      x.key === r.key
                        ? {
                            key: r.key,
                            mode: 'linked',
                            childId: m.childId,
                            familyId: m.familyId,
                            label: `${m.firstName} ${m.lastName} (${m.familyName}, ${m.familyReference})`,
                          }
                        : x,
                    ),
                  )
                }}
              />
              <SelectField
                name={`child-${r.key}-sex`}
                field={`children.${i}.sex`}
                label="Sex"
                value={r.sex}
                onChange={(v) => update(r.key, { sex: v })}
                options={[
                  { value: 'F', label: 'Female' },
                  { value: 'M', label: 'Male' },
                  { value: 'U', label: 'Unknown' },
                ]}
                error={err}
              />
            </fieldset>
          ),
        )}
        <Button
          type="button"
          secondary
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                key: Math.max(...rs.map((x) => x.key)) + 1,
                mode: 'new',
                firstName: '',
                lastName: '',
                dateOfBirth: '',
                sex: 'U',
              },
            ])
          }
        >
          Add another child
        </Button>

        <h2 className="govuk-heading-m">The family</h2>
        {linkedFamily ? (
          <p className="govuk-body">
            The family is the known family of the linked child. Change their address on the family’s page if it is out
            of date.
          </p>
        ) : (
          <>
            <TextField
              name="familyName"
              field="family.name"
              label="How the family is known"
              hint="For example, the Fernsby family"
              error={err}
              width="govuk-input--width-30"
            />
            <TextField name="addressLine1" field="family.addressLine1" label="Address line 1" error={err} />
            <TextField name="addressLine2" field="family.addressLine2" label="Address line 2 (optional)" error={err} />
            <TextField name="town" field="family.town" label="Town or city" error={err} width="govuk-input--width-20" />
            <TextField
              name="postcode"
              field="family.postcode"
              label="Postcode"
              hint="Decides which team’s patch the family is in, and helps find known children."
              value={postcode}
              onChange={setPostcode}
              error={err}
              width="govuk-input--width-10"
            />
            <TextField
              name="language"
              field="family.language"
              label="Main language at home"
              defaultValue="English"
              error={err}
              width="govuk-input--width-20"
            />
            <SelectField
              name="interpreterNeeded"
              field="family.interpreterNeeded"
              label="Do they need an interpreter?"
              options={[
                { value: 'no', label: 'No' },
                { value: 'yes', label: 'Yes' },
              ]}
            />
          </>
        )}
        <Button disabled={create.isPending}>Save referral</Button>
      </form>
    </>
  )
}
