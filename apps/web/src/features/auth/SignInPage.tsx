import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { api } from '../../api'
import { Button, ErrorSummary, TextField } from '../../components/govuk'

export function SignInPage() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => api('POST', '/api/auth/sign-in', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] })
      navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true })
    },
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    signIn.mutate({ email: String(f.get('email') ?? ''), password: String(f.get('password') ?? '') })
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={signIn.error} />
        <h1 className="govuk-heading-l">Sign in to Hearth</h1>
        <form onSubmit={submit} noValidate>
          <TextField name="email" label="Email address" type="email" autoComplete="username" error={signIn.error} />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={signIn.error}
            width="govuk-input--width-20"
          />
          <Button disabled={signIn.isPending}>Sign in</Button>
        </form>
      </div>
    </div>
  )
}
