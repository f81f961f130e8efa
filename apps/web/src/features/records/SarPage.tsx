import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useParams } from 'react-router'
import type { SarRedactionView, SarView } from '@hearth/contracts'
import { londonDateOf } from '@hearth/domain'
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
          {list.map((r, i) => (
            <Passage key={r.id} r={r} n={i + 1} onDone={() => void marks.refetch()} />
          ))}
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
