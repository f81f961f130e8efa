import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { FormEvent } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { Board, TeamDecisionView } from '@hearth/contracts/team-board'
import { api } from '../../api'
import { BackLink, Button, Checkboxes, ErrorSummary, Loading, TextArea } from '../../components/govuk'

export function TeamDecisionsPage() {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const log = useQuery({
    queryKey: ['decisions', id],
    queryFn: () => api<z.infer<typeof TeamDecisionView>[]>('GET', `/api/teams/${id}/decisions`),
  })
  const board = useQuery({
    queryKey: ['board', id],
    queryFn: () => api<z.infer<typeof Board>>('GET', `/api/teams/${id}/board`),
  })
  const record = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/teams/${id}/decisions`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['decisions', id] }),
  })
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = e.currentTarget
    const f = new FormData(form)
    record.mutate({ summary: f.get('summary'), presentIds: f.getAll('presentIds') }, { onSuccess: () => form.reset() })
  }
  return (
    <>
      <BackLink to={`/teams/${id}/board`}>Back to the team board</BackLink>
      <h1 className="govuk-heading-l">Team decisions</h1>
      <p className="govuk-body">
        The team decides who takes which family, caps and the rota. Every decision stays here; nothing is changed or
        removed.
      </p>
      <ErrorSummary error={log.error ?? record.error} />
      <form onSubmit={submit} noValidate>
        <TextArea name="summary" label="Record a decision" rows={3} error={record.error} />
        <Checkboxes
          name="presentIds"
          label="Who was there"
          options={(board.data?.members ?? []).map((m) => ({ value: m.personId, label: m.name }))}
          error={record.error}
        />
        <Button disabled={record.isPending}>Record decision</Button>
      </form>
      {log.isLoading ? (
        <Loading />
      ) : (
        <ul className="govuk-list">
          {log.data?.map((d) => (
            <li key={d.id} className="govuk-!-margin-bottom-4">
              <strong>
                {new Date(d.decidedAt).toLocaleString('en-GB', {
                  day: 'numeric',
                  month: 'short',
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </strong>{' '}
              · {d.summary}
              <br />
              <span className="govuk-body-s">
                Recorded by {d.recordedByName}
                {d.present.length ? `; there: ${d.present.join(', ')}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
