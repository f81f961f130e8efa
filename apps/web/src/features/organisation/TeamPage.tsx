import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useParams } from 'react-router'
import type { z } from 'zod'
import type { Person, TeamDetail } from '@hearth/contracts/organisation'
import { ROLE_LABELS, TEAM_KIND_LABELS } from '@hearth/domain/roles'
import { api } from '../../api'
import { BackLink, Button, ErrorSummary, Loading, Panel, SelectField, TextField } from '../../components/govuk'

export function TeamPage() {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const [added, setAdded] = useState<string | null>(null)
  const team = useQuery({
    queryKey: ['team', id],
    queryFn: () => api<z.infer<typeof TeamDetail>>('GET', `/api/teams/${id}`),
  })
  const people = useQuery({ queryKey: ['people'], queryFn: () => api<z.infer<typeof Person>[]>('GET', '/api/people') })
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['team', id] })
    void queryClient.invalidateQueries({ queryKey: ['teams'] })
    void queryClient.invalidateQueries({ queryKey: ['people'] })
  }
  const add = useMutation({
    mutationFn: (personId: string) => api('POST', `/api/teams/${id}/members`, { personId }),
    onSuccess: refresh,
  })
  const remove = useMutation({
    mutationFn: (personId: string) => api('DELETE', `/api/teams/${id}/members/${personId}`),
    onSuccess: refresh,
  })
  const [phoneSaved, setPhoneSaved] = useState(false)
  const setPhone = useMutation({
    mutationFn: (phone: string) => api('PATCH', `/api/teams/${id}`, { phone }),
    onSuccess: () => {
      setPhoneSaved(true)
      refresh()
    },
  })

  if (team.isLoading) return <Loading />
  const t = team.data
  const memberIds = new Set(t?.members.map((m) => m.personId))
  const candidates = (people.data ?? []).filter((p) => p.active && !memberIds.has(p.id))
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const personId = String(new FormData(e.currentTarget).get('personId') ?? '')
    const name = candidates.find((c) => c.id === personId)?.name ?? null
    add.mutate(personId, { onSuccess: () => setAdded(name) })
  }
  return (
    <>
      <BackLink to="/admin/teams">Back to teams</BackLink>
      <ErrorSummary error={team.error ?? add.error ?? remove.error ?? setPhone.error} />
      {added && <Panel>{added} has joined the team.</Panel>}
      {t && (
        <>
          <span className="govuk-caption-l">
            {TEAM_KIND_LABELS[t.kind]}
            {t.patchName ? ` · ${t.patchName} patch` : ''}
          </span>
          <h1 className="govuk-heading-l">{t.name}</h1>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              People in this team ({t.members.length})
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Roles
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {t.members.map((m) => (
                <tr className="govuk-table__row" key={m.personId}>
                  <td className="govuk-table__cell">{m.name}</td>
                  <td className="govuk-table__cell">{m.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-link hearth-link-button"
                      onClick={() => remove.mutate(m.personId)}
                    >
                      Take off team<span className="govuk-visually-hidden"> {m.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2 className="govuk-heading-m">Phone line</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault()
              setPhoneSaved(false)
              setPhone.mutate(String(new FormData(e.currentTarget).get('phone') ?? ''))
            }}
            noValidate
          >
            <TextField
              name="phone"
              label="The team’s phone number"
              hint="Letters give families this number, with their worker’s name. Leave it empty to remove it."
              type="tel"
              autoComplete="off"
              defaultValue={t.phone ?? ''}
              error={setPhone.error}
              width="govuk-input--width-20"
            />
            <Button disabled={setPhone.isPending}>Save the phone line</Button>
            {phoneSaved && (
              <p className="govuk-body" role="status">
                Saved. Letters from now on give this number.
              </p>
            )}
          </form>
          <h2 className="govuk-heading-m">Add a person to this team</h2>
          {candidates.length === 0 ? (
            <p className="govuk-body">Everyone with an open account is already in this team.</p>
          ) : (
            <form onSubmit={submit} noValidate>
              <SelectField
                name="personId"
                label="Person"
                options={candidates.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
                error={add.error}
              />
              <Button disabled={add.isPending}>Add to team</Button>
            </form>
          )}
        </>
      )}
    </>
  )
}
