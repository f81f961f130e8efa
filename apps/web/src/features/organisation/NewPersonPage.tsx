import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useNavigate } from 'react-router'
import type { z } from 'zod'
import type { Person } from '@hearth/contracts/organisation'
import { ROLE_LABELS, ROLES } from '@hearth/domain/roles'
import { api } from '../../api'
import { BackLink, Button, Checkboxes, ErrorSummary, TextField } from '../../components/govuk'

export function NewPersonPage() {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const create = useMutation({
    mutationFn: (body: unknown) => api<z.infer<typeof Person>>('POST', '/api/people', body),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] })
      navigate(`/admin/people/${p.id}`)
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    create.mutate({ name: f.get('name'), email: f.get('email'), roles: f.getAll('roles'), password: f.get('password') })
  }
  return (
    <>
      <BackLink to="/admin/people">Back to people</BackLink>
      <ErrorSummary error={create.error} />
      <h1 className="govuk-heading-l">Add a person</h1>
      <form onSubmit={submit} noValidate>
        <TextField name="name" label="Full name" error={create.error} />
        <TextField
          name="email"
          label="Email address"
          hint="They sign in with this."
          type="email"
          error={create.error}
        />
        <Checkboxes
          name="roles"
          label="What do they do?"
          hint="Their roles take effect when a second administrator approves them, under People."
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          error={create.error}
        />
        <TextField
          name="password"
          label="First password"
          hint="At least 12 characters. Ask them to change it."
          type="password"
          error={create.error}
          width="govuk-input--width-20"
        />
        <Button disabled={create.isPending}>Add person</Button>
      </form>
    </>
  )
}
