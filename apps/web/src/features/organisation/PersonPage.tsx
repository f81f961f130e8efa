import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { Person } from '@hearth/contracts/organisation'
import { ROLE_LABELS } from '@hearth/domain/roles'
import { api } from '../../api'
import { BackLink, Button, ErrorSummary, Loading, SummaryList } from '../../components/govuk'

export function PersonPage() {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const person = useQuery({
    queryKey: ['person', id],
    queryFn: () => api<z.infer<typeof Person>>('GET', `/api/people/${id}`),
  })
  const update = useMutation({
    mutationFn: (body: unknown) => api('PATCH', `/api/people/${id}`, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['person', id] })
      void queryClient.invalidateQueries({ queryKey: ['people'] })
    },
  })
  if (person.isLoading) return <Loading />
  const p = person.data
  return (
    <>
      <BackLink to="/admin/people">Back to people</BackLink>
      <ErrorSummary error={person.error ?? update.error} />
      {p && (
        <>
          <h1 className="govuk-heading-l">{p.name}</h1>
          <SummaryList
            rows={[
              ['Email', p.email],
              ['Roles', p.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'None yet'],
              ...(p.pendingRoles.length
                ? [
                    ['Waiting for a second administrator', p.pendingRoles.map((r) => ROLE_LABELS[r]).join(', ')] as [
                      string,
                      string,
                    ],
                  ]
                : []),
              ['Teams', p.teams.map((t) => t.name).join(', ') || 'None'],
              ['Account', !p.active ? 'Closed' : p.locked ? 'Locked after failed sign-ins' : 'Active'],
            ]}
          />
          <div className="hearth-actions">
            {p.locked && (
              <Button type="button" onClick={() => update.mutate({ unlock: true })}>
                Unlock account
              </Button>
            )}
            {p.active ? (
              <Button type="button" secondary onClick={() => update.mutate({ active: false })}>
                Close account
              </Button>
            ) : (
              <Button type="button" secondary onClick={() => update.mutate({ active: true })}>
                Reopen account
              </Button>
            )}
          </div>
        </>
      )}
    </>
  )
}
