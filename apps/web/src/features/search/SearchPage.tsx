import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { Link, useSearchParams } from 'react-router'
import type { SearchResults } from '@hearth/contracts/search'
import { api } from '../../api'
import { ErrorSummary, Loading } from '../../components/govuk'

const KIND = { child: 'Child', adult: 'Adult', family: 'Family', referral: 'Referral', staff: 'Staff' } as const

/** The results of a search: ranked, each with why it matched; the arrow keys move between them. */
export function SearchPage() {
  const [params] = useSearchParams()
  const q = params.get('q') ?? ''
  const results = useQuery({
    queryKey: ['search', q],
    enabled: q.trim().length >= 2,
    queryFn: () => api<SearchResults>('GET', `/api/search?q=${encodeURIComponent(q)}`),
  })
  const list = useRef<HTMLOListElement>(null)
  // the arrow keys move through the results from anywhere on the page but a field
  useEffect(() => {
    const move = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
      const t = e.target as HTMLElement | null
      if (t && ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) return
      const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])]
      if (!links.length) return
      const at = links.indexOf(document.activeElement as HTMLAnchorElement)
      const next = e.key === 'ArrowDown' ? Math.min(links.length - 1, at + 1) : Math.max(0, at - 1)
      links[next]?.focus()
      e.preventDefault()
    }
    document.addEventListener('keydown', move)
    return () => document.removeEventListener('keydown', move)
  }, [])
  const found = results.data?.results ?? []
  return (
    <>
      <h1 className="govuk-heading-l">Search</h1>
      <ErrorSummary error={results.error} />
      {q.trim().length < 2 ? (
        <p className="govuk-body">Type at least 2 characters in the search box above.</p>
      ) : results.isLoading ? (
        <Loading />
      ) : (
        <>
          <p className="govuk-body" role="status">
            {found.length === 0
              ? `Nothing found for “${q}” that you can see.`
              : `${found.length} found for “${q}”. Use the arrow keys to move between them, Enter to open one.`}
          </p>
          {found.length > 0 && (
            <ol className="govuk-list hearth-results" ref={list}>
              {found.map((r) => (
                <li key={`${r.kind}-${r.id}`} className="hearth-card govuk-!-margin-bottom-3">
                  {r.link.startsWith('mailto:') ? (
                    <a className="govuk-link govuk-!-font-weight-bold" href={r.link}>
                      {r.title}
                    </a>
                  ) : (
                    <Link className="govuk-link govuk-!-font-weight-bold" to={r.link}>
                      {r.title}
                    </Link>
                  )}{' '}
                  <strong className="govuk-tag govuk-tag--grey">{KIND[r.kind]}</strong>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">{r.detail}</p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">Matched on: {r.why.join('; ')}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  )
}
