import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import type { z } from 'zod'
import type { CouncilChoice } from '@hearth/contracts/auth'
import { ApiError, api } from '../../api'
import { Button, ErrorSummary, Loading, SelectField, TextField } from '../../components/govuk'

const REMEMBERED = 'hearth.council'

/**
 * Sign in. Where one Hearth serves several councils, the person chooses theirs (remembered on
 * this device): an email address is unique within a council, not across them.
 */
export function SignInPage() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const councils = useQuery({
    queryKey: ['sign-in-councils'],
    queryFn: () => api<z.infer<typeof CouncilChoice>[]>('GET', '/api/auth/councils'),
  })
  const [missing, setMissing] = useState<ApiError | null>(null)
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string; councilId?: string }) =>
      api('POST', '/api/auth/sign-in', body),
    onSuccess: async (_data, body) => {
      if (body.councilId) localStorage.setItem(REMEMBERED, body.councilId)
      await queryClient.invalidateQueries({ queryKey: ['me'] })
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true })
    },
  })
  const choose = (councils.data?.length ?? 0) > 1
  const remembered = localStorage.getItem(REMEMBERED) ?? ''
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const councilId = String(f.get('councilId') ?? '')
    if (choose && !councilId) {
      setMissing(
        new ApiError(400, 'validation_failed', 'Check the highlighted answers.', [
          { field: 'body.councilId', message: 'Choose the council you work for', rule: 'required' },
        ]),
      )
      return
    }
    setMissing(null)
    signIn.mutate({
      email: String(f.get('email') ?? ''),
      password: String(f.get('password') ?? ''),
      ...(councilId ? { councilId } : {}),
    })
  }
  const error = missing ?? signIn.error
  if (councils.isLoading) return <Loading />
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={error} />
        <h1 className="govuk-heading-l">Sign in to Hearth</h1>
        <form onSubmit={submit} noValidate>
          {choose && (
            <SelectField
              name="councilId"
              label="Council"
              hint="The council you work for."
              error={error}
              defaultValue={councils.data?.some((c) => c.id === remembered) ? remembered : ''}
              options={[
                { value: '', label: 'Choose your council' },
                ...(councils.data ?? []).map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          )}
          <TextField name="email" label="Email address" type="email" autoComplete="username" error={error} />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={error}
            width="govuk-input--width-20"
          />
          <Button disabled={signIn.isPending}>Sign in</Button>
        </form>
      </div>
    </div>
  )
}
