import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { z } from 'zod'
import type { TaskSetting } from '@hearth/contracts/enablers'
import { api } from '../../api'
import { Button, ErrorSummary, Loading } from '../../components/govuk'

export function TaskSettingsPage() {
  const queryClient = useQueryClient()
  const settings = useQuery({
    queryKey: ['task-settings'],
    queryFn: () => api<z.infer<typeof TaskSetting>[]>('GET', '/api/task-settings'),
  })
  const save = useMutation({
    mutationFn: (v: { taskType: string; dueHours: number; minutesSaved: number }) =>
      api('PUT', `/api/task-settings/${v.taskType}`, { dueHours: v.dueHours, minutesSaved: v.minutesSaved }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['task-settings'] }),
  })
  return (
    <>
      <h1 className="govuk-heading-l">Admin task settings</h1>
      <p className="govuk-body">
        How soon each kind of admin task is due, and how many minutes of a practitioner’s time it saves. Changes apply
        to new tasks.
      </p>
      <ErrorSummary error={settings.error ?? save.error} />
      {settings.isLoading ? (
        <Loading />
      ) : (
        <table className="govuk-table hearth-stack">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Kind
              </th>
              <th scope="col" className="govuk-table__header">
                Due within (hours)
              </th>
              <th scope="col" className="govuk-table__header">
                Minutes saved
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Save</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {settings.data?.map((s) => (
              <tr className="govuk-table__row" key={s.taskType}>
                <td className="govuk-table__cell">{s.label}</td>
                <td className="govuk-table__cell">
                  <label className="govuk-visually-hidden" htmlFor={`due-${s.taskType}`}>
                    Due within, hours: {s.label}
                  </label>
                  <input
                    className="govuk-input govuk-input--width-4"
                    id={`due-${s.taskType}`}
                    defaultValue={s.dueHours}
                    inputMode="numeric"
                  />
                </td>
                <td className="govuk-table__cell">
                  <label className="govuk-visually-hidden" htmlFor={`saved-${s.taskType}`}>
                    Minutes saved: {s.label}
                  </label>
                  <input
                    className="govuk-input govuk-input--width-4"
                    id={`saved-${s.taskType}`}
                    defaultValue={s.minutesSaved}
                    inputMode="numeric"
                  />
                </td>
                <td className="govuk-table__cell">
                  <Button
                    type="button"
                    secondary
                    onClick={() =>
                      save.mutate({
                        taskType: s.taskType,
                        dueHours: Number((document.getElementById(`due-${s.taskType}`) as HTMLInputElement).value),
                        minutesSaved: Number(
                          (document.getElementById(`saved-${s.taskType}`) as HTMLInputElement).value,
                        ),
                      })
                    }
                  >
                    Save<span className="govuk-visually-hidden"> {s.label}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
