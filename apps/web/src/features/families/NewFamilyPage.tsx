import { useMutation } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { api } from '../../api'
import { BackLink, Button, Checkboxes, ErrorSummary, TextField } from '../../components/govuk'

export function NewFamilyPage() {
  const navigate = useNavigate()
  const create = useMutation({
    mutationFn: (body: unknown) => api<{ id: string }>('POST', '/api/families', body),
    onSuccess: (f) => navigate(`/families/${f.id}`),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    create.mutate({
      name: f.get('name'),
      addressLine1: f.get('addressLine1'),
      addressLine2: f.get('addressLine2'),
      town: f.get('town'),
      postcode: f.get('postcode'),
      language: f.get('language') || 'English',
      interpreterNeeded: f.getAll('interpreterNeeded').includes('yes'),
    })
  }
  return (
    <>
      <BackLink to="/families">Back to families</BackLink>
      <ErrorSummary error={create.error} />
      <h1 className="govuk-heading-l">Record a new family</h1>
      <form onSubmit={submit} noValidate>
        <TextField
          name="name"
          label="How the family is known"
          hint="For example, the Fernsby family"
          error={create.error}
          width="govuk-input--width-30"
        />
        <TextField name="addressLine1" label="Address line 1" error={create.error} />
        <TextField name="addressLine2" label="Address line 2 (optional)" error={create.error} />
        <TextField name="town" label="Town or city" error={create.error} width="govuk-input--width-20" />
        <TextField
          name="postcode"
          label="Postcode"
          hint="This decides which team’s patch the family is in."
          error={create.error}
          width="govuk-input--width-10"
        />
        <TextField
          name="language"
          label="Main language at home"
          defaultValue="English"
          error={create.error}
          width="govuk-input--width-20"
        />
        <Checkboxes
          name="interpreterNeeded"
          label="Interpreter"
          options={[{ value: 'yes', label: 'The family needs an interpreter' }]}
        />
        <Button disabled={create.isPending}>Save family</Button>
      </form>
    </>
  )
}
