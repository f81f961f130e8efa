import { useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'
import type { Me } from '@hearth/contracts'
import { api, setCsrfToken } from '../api'
import { navFor } from '../feature'

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
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
              <ul className="govuk-header__navigation-list">
                {navFor(me).map((i) => (
                  <li className="govuk-header__navigation-item" key={i.to}>
                    <Link className="govuk-header__link" to={i.to}>
                      {i.label}
                    </Link>
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
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content">
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
