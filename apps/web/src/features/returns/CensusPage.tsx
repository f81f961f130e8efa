import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import type { z } from 'zod'
import type { CensusRunView } from '@hearth/contracts/returns'
import { collectionYearOf } from '@hearth/domain/census-codes'
import { londonDateOf } from '@hearth/domain/working-days'
import { api } from '../../api'
import { Button, ErrorSummary, FormScope, Loading, SelectField, TextArea } from '../../components/govuk'

type Run = z.infer<typeof CensusRunView>
type Finding = Run['findings'][number]

/** The collection years a return can be produced for: this one and the one before it. */
function years(): { value: string; label: string }[] {
  const today = londonDateOf(new Date())
  const current = collectionYearOf(today)
  return [current, current - 1].map((y) => ({
    value: String(y),
    label: `${y - 1} to ${y} (1 April ${y - 1} to 31 March ${y})`,
  }))
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

function Progress({ run }: { run: Run }) {
  return (
    <div className="govuk-!-margin-bottom-6">
      <label className="govuk-label" htmlFor="census-progress">
        {run.status === 'queued'
          ? 'Waiting to start'
          : `Working through the children: ${run.childrenDone} of ${run.childrenTotal}`}
      </label>
      <progress id="census-progress" className="hearth-progress" max={100} value={run.percent}>
        {run.percent}%
      </progress>
      <p className="govuk-body" aria-live="polite">
        {run.percent}% done
      </p>
    </div>
  )
}

function AcceptQuery({ run, f }: { run: Run; f: Finding }) {
  const queryClient = useQueryClient()
  const accept = useMutation({
    mutationFn: (body: unknown) => api<Run>('POST', `/api/returns/census/${run.id}/queries`, body),
    onSuccess: (r) => queryClient.setQueryData(['census', run.id], r),
  })
  if (f.accepted)
    return (
      <p className="govuk-body">
        Accepted by {f.accepted.by} on {when(f.accepted.at)}: “{f.accepted.reason}”
      </p>
    )
  return (
    <FormScope name={`query-${f.code}`}>
      <ErrorSummary error={accept.error} />
      <form
        noValidate
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault()
          accept.mutate({ code: f.code, reason: new FormData(e.currentTarget).get('reason') })
        }}
      >
        <TextArea name="reason" label={`Why query ${f.code} stands`} rows={2} error={accept.error} />
        <Button secondary disabled={accept.isPending}>
          Accept the query
        </Button>
      </form>
    </FormScope>
  )
}

/** The rule report: each failing rule, the children it names, a link to each to fix. */
function Report({ run }: { run: Run }) {
  if (run.status !== 'done') return null
  return (
    <>
      <h2 className="govuk-heading-m">The {run.label} return</h2>
      <p className="govuk-body">
        {run.children} children. Finished {run.finishedAt ? when(run.finishedAt) : ''}.{' '}
        {run.readyToSubmit ? (
          <strong className="govuk-tag govuk-tag--green">Ready to submit</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--red">Not ready to submit</strong>
        )}
      </p>
      <p className="govuk-body">
        {run.errors === 0
          ? 'No errors.'
          : `${run.errors} ${run.errors === 1 ? 'rule has' : 'rules have'} errors: fix the records, then produce the return again.`}{' '}
        {run.queries ? `${run.queries} ${run.queries === 1 ? 'query' : 'queries'}: each may stand with a reason.` : ''}
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={`/api/returns/census/${run.id}/xml`} download>
          Download the census file (XML)
        </a>
      </p>
      {run.findings.map((f) => (
        <section key={f.code} className="hearth-card govuk-!-margin-bottom-4" aria-labelledby={`rule-${f.code}`}>
          <h3 className="govuk-heading-s" id={`rule-${f.code}`}>
            Rule {f.code}: {f.message}{' '}
            {f.severity === 'error' ? (
              <strong className="govuk-tag govuk-tag--red">Error</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--yellow">Query</strong>
            )}
          </h3>
          {f.children.length > 0 && (
            <ul className="govuk-list">
              {f.children.slice(0, 200).map((c) => (
                <li key={c.childId}>
                  <Link className="govuk-link" to={`/returns/children/${c.childId}`}>
                    Child {c.laChildId}
                  </Link>
                </li>
              ))}
              {f.children.length > 200 && <li>and {f.children.length - 200} more</li>}
            </ul>
          )}
          {f.severity === 'query' && <AcceptQuery run={run} f={f} />}
        </section>
      ))}
    </>
  )
}

/**
 * The Children in Need census: produced from Hearth's own records by the worker (with its
 * progress), checked against the DfE rules before anyone downloads it.
 */
export function CensusPage() {
  const queryClient = useQueryClient()
  const [current, setCurrent] = useState<string | null>(null)
  const list = useQuery({ queryKey: ['census'], queryFn: () => api<Run[]>('GET', '/api/returns/census') })
  const shownId = current ?? list.data?.[0]?.id ?? null
  const run = useQuery({
    queryKey: ['census', shownId],
    queryFn: () => api<Run>('GET', `/api/returns/census/${shownId}`),
    enabled: !!shownId,
    refetchInterval: (q) => (q.state.data && ['queued', 'running'].includes(q.state.data.status) ? 1000 : false),
  })
  const produce = useMutation({
    mutationFn: (body: unknown) => api<Run>('POST', '/api/returns/census', body),
    onSuccess: (r) => {
      setCurrent(r.id)
      void queryClient.invalidateQueries({ queryKey: ['census'] })
    },
  })
  if (list.isLoading) return <Loading />
  const r = run.data
  return (
    <>
      <h1 className="govuk-heading-l">Children in Need census</h1>
      <p className="govuk-body">
        Hearth makes the return from its own records and checks it against the Department for Education’s rules before
        you download it. Errors must be fixed in the records; a query may stand with a reason.
      </p>
      <ErrorSummary error={list.error ?? run.error} />
      <FormScope name="census">
        <ErrorSummary error={produce.error} />
        <form
          noValidate
          onSubmit={(e: FormEvent<HTMLFormElement>) => {
            e.preventDefault()
            produce.mutate({ collectionYear: Number(new FormData(e.currentTarget).get('collectionYear')) })
          }}
        >
          <SelectField name="collectionYear" label="Collection year" options={years()} error={produce.error} />
          <Button disabled={produce.isPending || (!!r && ['queued', 'running'].includes(r.status))}>
            Produce the census
          </Button>
        </form>
      </FormScope>
      {r && ['queued', 'running'].includes(r.status) && <Progress run={r} />}
      {r?.status === 'failed' && (
        <p className="govuk-body">
          This return could not be produced (code {r.error}). Produce it again; if it fails again, tell your
          administrator.
        </p>
      )}
      {r && <Report run={r} />}
      {(list.data?.length ?? 0) > 1 && (
        <>
          <h2 className="govuk-heading-m">Returns produced before</h2>
          <ul className="govuk-list">
            {list.data!.slice(0, 10).map((x) => (
              <li key={x.id}>
                <button type="button" className="govuk-link hearth-link-button" onClick={() => setCurrent(x.id)}>
                  {x.label}, {when(x.createdAt)} by {x.requestedBy}
                </button>
                : {x.status === 'done' ? `${x.errors} errors, ${x.queries} queries` : x.status}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
