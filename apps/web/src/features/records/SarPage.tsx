import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { SarRedactionView, SarView } from '@hearth/contracts/records'
import { londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import {
  BackLink,
  Button,
  DateInput,
  dateFromForm,
  ErrorSummary,
  FormScope,
  Loading,
  Radios,
  SummaryList,
  TextArea,
} from '../../components/govuk'
import { ExportProgress } from './ExportProgress'
import { CLOCK_TAGS, day, STATUS_WORDS } from './sar-words'

/** Passages shown one by one at a time: the rest wait, or are decided together. */
const SHOWN = 30

const busy = (s: SarView) => s.status === 'gathering' || s.status === 'producing'

/**
 * One subject access request: Hearth gathers the record and marks what may be other people's
 * information; the officer decides each passage (withhold, or release saying why); then the
 * redacted copy is made, downloaded, and recorded as sent.
 */
export function SarPage() {
  const id = useParams().id!
  const queryClient = useQueryClient()
  const sar = useQuery({
    queryKey: ['sar', id],
    queryFn: () => api<SarView>('GET', `/api/subject-access-requests/${id}`),
    refetchInterval: (q) => (q.state.data && busy(q.state.data) ? 1000 : false),
  })
  const s = sar.data
  const marks = useQuery({
    queryKey: ['sar', id, 'redactions', s?.status],
    queryFn: () => api<{ redactions: SarRedactionView[] }>('GET', `/api/subject-access-requests/${id}/redactions`),
    enabled: !!s && !busy(s) && s.status !== 'failed',
  })
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['sar', id] })
  const step = useMutation({
    mutationFn: (path: string) => api<SarView>('POST', `/api/subject-access-requests/${id}/${path}`),
    onSuccess: refresh,
  })
  const sent = useMutation({
    mutationFn: (body: unknown) => api<SarView>('POST', `/api/subject-access-requests/${id}/sent`, body),
    onSuccess: refresh,
  })
  if (sar.isLoading) return <Loading />
  if (!s) return <ErrorSummary error={sar.error} />
  const current = s.exports[0]
  const response = s.exports.find((e) => e.purpose === 'sar_response' && e.status === 'done')
  const list = marks.data?.redactions ?? []
  const open = list.filter((r) => !r.decision).length
  return (
    <>
      <BackLink to="/subject-access">Back to the requests</BackLink>
      <span className="govuk-caption-l">{s.reference}</span>
      <h1 className="govuk-heading-l">Request from {s.requesterName}</h1>
      <ErrorSummary error={sar.error ?? marks.error ?? step.error} />
      <SummaryList
        rows={[
          ['Who asked', `${s.requesterName} (${s.requesterKind === 'child' ? 'a child or young person' : 'an adult'})`],
          ['Family', s.familyReference],
          ['Received', day(s.receivedOn)],
          [
            'Due',
            <>
              {day(s.dueOn)}{' '}
              <strong className={`govuk-tag ${CLOCK_TAGS[s.clock].colour}`}>{CLOCK_TAGS[s.clock].text}</strong>
            </>,
          ],
          ['Where it is', STATUS_WORDS[s.status]],
          ['Recorded by', s.createdBy],
          ...(s.sentOn ? ([['Sent', day(s.sentOn)]] as [string, string][]) : []),
        ]}
      />
      {current && busy(s) && <ExportProgress e={current} showCounts={false} />}
      {s.status === 'failed' && (
        <>
          <p className="govuk-body">The worker could not finish this. Try again; if it fails again, tell IT.</p>
          <Button type="button" onClick={() => step.mutate('retry')} disabled={step.isPending}>
            Try again
          </Button>
        </>
      )}
      {s.status === 'reviewing' && (
        <>
          <h2 className="govuk-heading-m">Review what Hearth marked</h2>
          <p className="govuk-body">
            Hearth marked other people’s names and details, and what other agencies told the council, in the record as
            it stood when the request was gathered. Decide each: withhold it, or release it and say why (for example,
            the person asking already knows it). A confidential address is always withheld.
          </p>
          <p className="govuk-body" aria-live="polite">
            <strong>{open === 0 ? 'Every passage is decided.' : `${open} of ${list.length} still to decide.`}</strong>
          </p>
          <Groups list={list} sarId={id} onDone={() => void marks.refetch()} />
          <h3 className="govuk-heading-s">One by one</h3>
          {list
            .filter((r) => !r.decision)
            .slice(0, SHOWN)
            .map((r, i) => (
              <Passage key={r.id} r={r} n={i + 1} onDone={() => void marks.refetch()} />
            ))}
          {open > SHOWN && (
            <p className="govuk-body">
              {open - SHOWN} more after these: decide these first, or decide them together above.
            </p>
          )}
          {list.some((r) => r.decision) && (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Decided ({list.length - open})</span>
              </summary>
              <div className="govuk-details__text">
                {list
                  .filter((r) => r.decision)
                  .map((r, i) => (
                    <Passage key={r.id} r={r} n={i + 1} onDone={() => void marks.refetch()} />
                  ))}
              </div>
            </details>
          )}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/subject-access/${id}/copy`}>
              Read the copy on screen before you make it
            </Link>
          </p>
          <Button type="button" onClick={() => step.mutate('produce')} disabled={step.isPending}>
            Make the copy to send
          </Button>
        </>
      )}
      {(s.status === 'ready' || s.status === 'sent') && (
        <>
          <h2 className="govuk-heading-m">The copy to send</h2>
          <p className="govuk-body">
            {s.redactions.withheld} passages withheld of {s.redactions.total} marked.
          </p>
          {response && <ExportProgress e={response} showCounts={false} />}
          <p className="govuk-body">
            <Link className="govuk-link" to={`/subject-access/${id}/copy`}>
              Read the copy on screen
            </Link>
          </p>
          <Decisions list={list} />
        </>
      )}
      {s.status === 'ready' && (
        <FormScope name="sar-sent">
          <ErrorSummary error={sent.error} />
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              sent.mutate({ sentOn: dateFromForm(new FormData(e.currentTarget), 'sentOn') || undefined })
            }}
          >
            <DateInput
              name="sentOn"
              label="When was it sent?"
              defaultValue={londonDateOf(new Date())}
              error={sent.error}
            />
            <Button disabled={sent.isPending}>Record that it was sent</Button>
          </form>
        </FormScope>
      )}
    </>
  )
}

function Passage({ r, n, onDone }: { r: SarRedactionView; n: number; onDone: () => void }) {
  const [choice, setChoice] = useState<string | null>(r.decision)
  const decide = useMutation({
    mutationFn: (body: unknown) => api('PUT', `/api/sar-redactions/${r.id}`, body),
    onSuccess: onDone,
  })
  const heading = `${n}. ${r.kindLabel}: ${r.fieldLabel}`
  return (
    <FormScope name={`passage-${r.id}`}>
      <section className="govuk-!-margin-bottom-6" aria-labelledby={`passage-${r.id}`}>
        <h3 className="govuk-heading-s" id={`passage-${r.id}`}>
          {heading}
        </h3>
        <p className="govuk-body">
          {r.reasonLabel}
          {r.passage ? (
            <>
              : <mark>{r.passage}</mark>
            </>
          ) : (
            ': the whole field'
          )}
        </p>
        <div className="govuk-inset-text">{r.context || '(empty)'}</div>
        {r.fixed ? (
          <p className="govuk-body">Withheld (always).</p>
        ) : (
          <form
            noValidate
            onSubmit={(e: FormEvent<HTMLFormElement>) => {
              e.preventDefault()
              const f = new FormData(e.currentTarget)
              decide.mutate({ decision: f.get('decision') ?? undefined, why: f.get('why') ?? '' })
            }}
          >
            <ErrorSummary error={decide.error} />
            <Radios
              name="decision"
              label="Decision"
              small
              defaultValue={r.decision ?? undefined}
              onChange={setChoice}
              options={[
                { value: 'withhold', label: 'Withhold' },
                { value: 'release', label: 'Release' },
              ]}
              error={decide.error}
            />
            {choice === 'release' && (
              <TextArea
                name="why"
                label="Why can it be released?"
                rows={2}
                defaultValue={r.why ?? ''}
                error={decide.error}
              />
            )}
            <Button disabled={decide.isPending}>{r.decision ? 'Change the decision' : 'Save the decision'}</Button>
            {r.decision && (
              <p className="govuk-body-s">
                {r.decision === 'withhold' ? 'Withheld' : 'Released'}
                {r.decidedBy ? ` by ${r.decidedBy}` : ''}
              </p>
            )}
          </form>
        )}
      </section>
    </FormScope>
  )
}

/** Undecided passages alike (the same name, or whole fields for the same reason), decided at once. */
function Groups({ list, sarId, onDone }: { list: SarRedactionView[]; sarId: string; onDone: () => void }) {
  const groups = new Map<
    string,
    { passage: string | null; reason: SarRedactionView['reason']; label: string; n: number }
  >()
  for (const r of list) {
    if (r.decision || r.fixed) continue
    const key = `${r.reason}|${r.passage?.toLowerCase() ?? ''}`
    const g = groups.get(key)
    if (g) g.n++
    else groups.set(key, { passage: r.passage, reason: r.reason, label: r.reasonLabel, n: 1 })
  }
  const alike = [...groups.values()].filter((g) => g.n > 1).sort((a, b) => b.n - a.n)
  if (!alike.length) return null
  return (
    <>
      <h3 className="govuk-heading-s">Decide them together</h3>
      <p className="govuk-body">The same name, or the same kind of field, marked in many places.</p>
      {alike.map((g) => (
        <Group key={`${g.reason}|${g.passage}`} g={g} sarId={sarId} onDone={onDone} />
      ))}
    </>
  )
}

function Group({
  g,
  sarId,
  onDone,
}: {
  g: { passage: string | null; reason: SarRedactionView['reason']; label: string; n: number }
  sarId: string
  onDone: () => void
}) {
  const [choice, setChoice] = useState<string | null>(null)
  const decide = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/subject-access-requests/${sarId}/redactions/decide`, body),
    onSuccess: onDone,
  })
  const title = g.passage ? `“${g.passage}” (${g.label.toLowerCase()})` : `${g.label}: whole fields`
  return (
    <FormScope name={`group-${g.reason}-${g.passage ?? 'field'}`}>
      <form
        className="govuk-!-margin-bottom-6"
        noValidate
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault()
          const f = new FormData(e.currentTarget)
          decide.mutate({
            passage: g.passage,
            reason: g.reason,
            decision: f.get('decision') ?? undefined,
            why: f.get('why') ?? '',
          })
        }}
      >
        <ErrorSummary error={decide.error} />
        <Radios
          name="decision"
          label={`${title}, in ${g.n} places`}
          small
          onChange={setChoice}
          options={[
            { value: 'withhold', label: 'Withhold all of them' },
            { value: 'release', label: 'Release all of them' },
          ]}
          error={decide.error}
        />
        {choice === 'release' && (
          <TextArea name="why" label="Why can they be released?" rows={2} error={decide.error} />
        )}
        <Button disabled={decide.isPending}>Decide all {g.n}</Button>
      </form>
    </FormScope>
  )
}

/** What was decided, kept in view once the copy is made: each passage, the decision, why and by whom. */
function Decisions({ list }: { list: SarRedactionView[] }) {
  if (!list.length) return null
  return (
    <>
      <h2 className="govuk-heading-m">What was decided</h2>
      <table className="govuk-table hearth-stack">
        <caption className="govuk-table__caption govuk-visually-hidden">
          Each passage marked, and what was decided
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Where
            </th>
            <th scope="col" className="govuk-table__header">
              What
            </th>
            <th scope="col" className="govuk-table__header">
              Decision
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {list.map((r) => (
            <tr className="govuk-table__row" key={r.id}>
              <td data-label="Where" className="govuk-table__cell">
                {r.kindLabel}: {r.fieldLabel}
              </td>
              <td data-label="What" className="govuk-table__cell">
                {r.reasonLabel}
                {r.passage ? `: “${r.passage}”` : ': the whole field'}
              </td>
              <td data-label="Decision" className="govuk-table__cell">
                {r.fixed || r.decision === 'withhold' ? 'Withheld' : 'Released'}
                {r.fixed ? ' (always)' : ''}
                {r.decidedBy ? ` by ${r.decidedBy}` : ''}
                {r.why ? `: ${r.why}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
