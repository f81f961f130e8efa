import { type FormEvent, useEffect, useRef } from 'react'
import { useNavigate, useSearchParams } from 'react-router'

/**
 * The search box in the staff header. `/` anywhere (outside a field) puts the cursor in it;
 * Enter shows the results, where the arrow keys move between them.
 */
export function SearchBox() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return
      const t = e.target as HTMLElement | null
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return
      e.preventDefault()
      input.current?.focus()
      input.current?.select()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim()
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`)
  }
  return (
    <search className="hearth-search govuk-width-container">
      <form onSubmit={submit} className="hearth-search__form">
        <label className="govuk-label hearth-search__label" htmlFor="hearth-search">
          Search people, families and references <span className="hearth-search__key">(press /)</span>
        </label>
        <div className="hearth-search__row">
          <input
            ref={input}
            className="govuk-input hearth-search__input"
            id="hearth-search"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            defaultValue={params.get('q') ?? ''}
            // down from the box to the first result, when there are results on the page
            onKeyDown={(e) => {
              const first = document.querySelector<HTMLAnchorElement>('.hearth-results a')
              if (e.key === 'ArrowDown' && first) {
                e.preventDefault()
                first.focus()
              }
            }}
            key={params.get('q') ?? ''}
          />
          <button type="submit" className="govuk-button govuk-!-margin-bottom-0 hearth-search__button">
            Find
          </button>
        </div>
      </form>
    </search>
  )
}
