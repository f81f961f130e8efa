import { useQueryClient } from '@tanstack/react-query'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import { Link, NavLink, useLocation, useNavigate } from 'react-router'
import type { Me } from '@hearth/contracts/auth'
import { api, setCsrfToken } from '../api'
import { headerFor, navFor } from '../feature'
import { labelStackedCells } from './stacked-tables'

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const main = useRef<HTMLElement>(null)
  const desktop = useMedia('(min-width: 48.0625em)')
  const [menuOpen, setMenuOpen] = useState(false)
  const { pathname } = useLocation()
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu whenever the page changes
  useEffect(() => setMenuOpen(false), [pathname])
  usePageTitleAndFocus(main)
  const signOut = async () => {
    try {
      await api('POST', '/api/auth/sign-out')
    } finally {
      setCsrfToken(null)
      queryClient.clear()
      navigate('/sign-in')
    }
  }
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header hearth-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">Hearth</span>
            </Link>
            {me && <span className="govuk-body-s hearth-header__council">{me.councilName}</span>}
          </div>
          {me && (
            <nav aria-label="Menu" className="govuk-header__navigation">
              <button
                type="button"
                className="govuk-header__menu-button"
                aria-controls="hearth-navigation"
                aria-expanded={menuOpen}
                hidden={desktop}
                onClick={() => setMenuOpen((o) => !o)}
              >
                Menu
              </button>
              <ul className="govuk-header__navigation-list" id="hearth-navigation" hidden={!desktop && !menuOpen}>
                {navFor(me).map((i) => (
                  <li className="govuk-header__navigation-item" key={i.to}>
                    <NavLink className="govuk-header__link" to={i.to} end={i.to === '/'}>
                      {i.label}
                    </NavLink>
                  </li>
                ))}
                <li className="govuk-header__navigation-item">
                  <button type="button" className="govuk-header__link hearth-sign-out" onClick={signOut}>
                    Sign out
                  </button>
                </li>
              </ul>
            </nav>
          )}
        </div>
      </header>
      {me && headerFor(me)}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" ref={main}>
          {children}
        </main>
      </div>
      <footer className="govuk-footer" role="contentinfo">
        <div className="govuk-width-container">
          <p className="govuk-footer__meta-custom govuk-body-s">
            Hearth is open-source software for children’s social care. Demo data is invented.
          </p>
        </div>
      </footer>
    </>
  )
}

/**
 * Every page gets its own title from what it shows: "Team board — Eastfield family team — Hearth"
 * (the caption above the main heading, then the heading), with "Error: " first while an error
 * summary shows. After moving to another page, focus goes to its main heading, so a screen reader
 * starts there. Pages load their data after they appear, so this watches the main content.
 */
function usePageTitleAndFocus(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  const first = useRef(true)
  const focusPending = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page, by design
  useEffect(() => {
    if (first.current) first.current = false
    else focusPending.current = true
  }, [pathname])
  useEffect(() => {
    const el = main.current
    if (!el) return
    const update = () => {
      labelStackedCells(el)
      const h1 = el.querySelector('h1')
      const caption = h1?.previousElementSibling?.matches('.govuk-caption-l, .govuk-caption-xl')
        ? h1.previousElementSibling.textContent
        : null
      const parts = [caption, h1?.textContent].map((p) => p?.replace(/\s+/g, ' ').trim()).filter(Boolean)
      const error = el.querySelector('.govuk-error-summary') ? 'Error: ' : ''
      const title = `${error}${[...parts, 'Hearth'].join(' — ')}`
      if (document.title !== title) document.title = title
      if (focusPending.current && h1) {
        focusPending.current = false
        h1.setAttribute('tabindex', '-1')
        // the error summary takes focus itself when a save fails; otherwise the heading
        if (!el.contains(document.activeElement) || document.activeElement === document.body) h1.focus()
      }
    }
    update()
    const observer = new MutationObserver(update)
    observer.observe(el, { childList: true, subtree: true, characterData: true })
    return () => observer.disconnect()
  }, [main])
}

/** Whether a media query matches now (the header folds its menu below the desktop width). */
function useMedia(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const mql = window.matchMedia(query)
    const onChange = () => setMatches(mql.matches)
    mql.addEventListener('change', onChange)
    onChange()
    return () => mql.removeEventListener('change', onChange)
  }, [query])
  return matches
}
