import { useQuery } from '@tanstack/react-query'
import { Fragment, type ReactNode } from 'react'
import { useParams } from 'react-router'
import type { SarPreview, SarView } from '@hearth/contracts/records'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading, SummaryList } from '../../components/govuk'

const MARKS = /(\[withheld\]|\[not yet decided\])/

/** A value with Hearth's marks made to stand out: what the person will not see, and what waits. */
function marked(value: string): ReactNode {
  const parts = value.split(MARKS)
  if (parts.length === 1) return value
  return parts.map((p, i) =>
    p === '[withheld]' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <strong key={i} className="govuk-tag govuk-tag--grey">
        withheld
      </strong>
    ) : p === '[not yet decided]' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <strong key={i} className="govuk-tag govuk-tag--yellow">
        not yet decided
      </strong>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string, in order
      <Fragment key={i}>{p}</Fragment>
    ),
  )
}

/**
 * The copy as the person asking will read it, on screen: the officer reads it through before
 * making the PDF (and again before it is sent). The same words as the PDF; passages withheld, and
 * those still to decide, stand out.
 */
export function SarCopyPage() {
  const id = useParams().id!
  const sar = useQuery({
    queryKey: ['sar', id],
    queryFn: () => api<SarView>('GET', `/api/subject-access-requests/${id}`),
  })
  const copy = useQuery({
    queryKey: ['sar', id, 'preview'],
    queryFn: () => api<SarPreview>('GET', `/api/subject-access-requests/${id}/preview`),
  })
  if (copy.isLoading || sar.isLoading) return <Loading />
  const c = copy.data
  return (
    <>
      <BackLink to={`/subject-access/${id}`}>Back to the request</BackLink>
      {sar.data && <span className="govuk-caption-l">{sar.data.reference}</span>}
      <h1 className="govuk-heading-l">
        The copy {sar.data ? `for ${sar.data.requesterName}` : 'to send'}, as they will read it
      </h1>
      <ErrorSummary error={copy.error ?? sar.error} />
      {c && (
        <>
          <div className="govuk-inset-text">
            {c.undecided === 0
              ? 'Every passage is decided. This is what the copy will say.'
              : `${c.undecided} passage${c.undecided === 1 ? ' is' : 's are'} still to decide: ` +
                'each shows as “not yet decided” here, and the copy cannot be made until it is decided.'}{' '}
            Where a passage is withheld the person will see “[withheld]”.
          </div>
          <h2 className="govuk-heading-m">{c.title}</h2>
          {c.lines.map((l) => (
            <p key={l} className="govuk-body">
              {l}
            </p>
          ))}
          <h2 className="govuk-heading-m">Contents</h2>
          <ul className="govuk-list">
            {c.sections.map((x) => (
              <li key={x.kind}>
                <a className="govuk-link" href={`#copy-${x.kind}`}>
                  {x.label}
                </a>{' '}
                ({x.entries.length})
              </li>
            ))}
          </ul>
          {c.sections.map((x) => (
            <section key={x.kind} aria-labelledby={`copy-${x.kind}`}>
              <h2 className="govuk-heading-m" id={`copy-${x.kind}`} tabIndex={-1}>
                {x.label}
              </h2>
              {x.entries.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own in the copy
                <Fragment key={i}>
                  {e.title && <h3 className="govuk-heading-s">{marked(e.title)}</h3>}
                  <SummaryList rows={e.fields.map((f) => [f.label, marked(f.value)])} />
                </Fragment>
              ))}
            </section>
          ))}
        </>
      )}
    </>
  )
}
