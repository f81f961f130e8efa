import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FamilyLinkAnswer, FamilyLinkView } from '@hearth/contracts/family-voice'
import { LINK_LANGUAGE_LIST, LINK_LANGUAGES, type LinkLanguage } from '@hearth/domain/family-voice'
import { FamilyApiError, familyApi, rememberCode, takeToken } from './family-api'
import { FamilyView, type SayKind, when } from './FamilyView'
import { applyDirection, startLanguage } from './i18n'

type Page = { name: 'home' } | { name: 'say'; kind: SayKind; visitId?: string } | { name: 'sent'; kind: SayKind }

const CHOSEN = 'hearth-family-language'

/**
 * The family's own page, opened from their private link with no account: one thing at a time
 * (their page, one message, the thank-you), in their language with a switcher on every page.
 */
export function FamilyApp() {
  const [token] = useState(takeToken)
  const [language, setLanguage] = useState<LinkLanguage | null>(
    () => (sessionStorage.getItem(CHOSEN) as LinkLanguage | null) ?? null,
  )
  const [ready, setReady] = useState(false)
  const [answer, setAnswer] = useState<FamilyLinkAnswer | null>(null)
  const [failed, setFailed] = useState<number | null>(null)
  const [page, setPage] = useState<Page>({ name: 'home' })

  const load = useCallback(async () => {
    try {
      const a = await familyApi<FamilyLinkAnswer>(token, 'GET', '/api/link')
      setAnswer(a)
      setFailed(null)
      return a
    } catch (err) {
      setFailed(err instanceof FamilyApiError ? err.status : 0)
      return null
    }
  }, [token])

  useEffect(() => {
    void (async () => {
      if (!token) setFailed(404)
      const a = token ? await load() : null
      const lang = (sessionStorage.getItem(CHOSEN) as LinkLanguage | null) ?? a?.language ?? 'en'
      await startLanguage(lang)
      applyDirection(lang)
      setLanguage(lang)
      setReady(true)
    })()
  }, [token, load])

  const choose = async (lang: LinkLanguage) => {
    sessionStorage.setItem(CHOSEN, lang)
    await startLanguage(lang)
    applyDirection(lang)
    setLanguage(lang)
  }

  if (!ready || !language) return <p className="govuk-body govuk-!-margin-4">Loading…</p>
  return (
    <Frame language={language} onLanguage={choose}>
      {failed !== null ? (
        <Failed status={failed} />
      ) : answer?.needsCode ? (
        <CodePage token={token} onRight={() => void load()} />
      ) : answer && page.name === 'home' ? (
        <FamilyView
          view={answer}
          language={language}
          onSay={(kind, visitId) => setPage({ name: 'say', kind, visitId })}
        />
      ) : answer && page.name === 'say' ? (
        <SayPage
          token={token}
          kind={page.kind}
          visitId={page.visitId}
          view={answer}
          language={language}
          onBack={() => setPage({ name: 'home' })}
          onSent={() => {
            setPage({ name: 'sent', kind: page.kind })
            void load()
          }}
        />
      ) : page.name === 'sent' ? (
        <SentPage kind={page.kind} onHome={() => setPage({ name: 'home' })} />
      ) : null}
    </Frame>
  )
}

function Frame({
  language,
  onLanguage,
  children,
}: {
  language: LinkLanguage
  onLanguage: (l: LinkLanguage) => void
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  useEffect(() => {
    document.title = t('title')
  }, [t])
  return (
    <>
      <header className="govuk-header hearth-family-header">
        <div className="govuk-width-container">
          <p className="govuk-header__link govuk-header__service-name hearth-family-title">{t('title')}</p>
        </div>
      </header>
      <div className="govuk-width-container">
        <nav aria-label={t('language')} className="hearth-languages govuk-!-margin-top-3">
          <ul className="govuk-list hearth-inline-list">
            {LINK_LANGUAGE_LIST.map((l) => (
              <li key={l}>
                {l === language ? (
                  <span aria-current="true" className="govuk-!-font-weight-bold" lang={l} dir={LINK_LANGUAGES[l].dir}>
                    {LINK_LANGUAGES[l].own}
                  </span>
                ) : (
                  <button
                    type="button"
                    className="hearth-link-button govuk-link"
                    lang={l}
                    dir={LINK_LANGUAGES[l].dir}
                    onClick={() => onLanguage(l)}
                  >
                    {LINK_LANGUAGES[l].own}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <main className="govuk-main-wrapper govuk-!-padding-top-2 hearth-family-main" id="main-content">
          {children}
        </main>
      </div>
    </>
  )
}

function Failed({ status }: { status: number }) {
  const { t } = useTranslation()
  if (status === 404)
    return (
      <>
        <h1 className="govuk-heading-l">{t('gone.heading')}</h1>
        <p className="govuk-body">{t('gone.body')}</p>
      </>
    )
  return <p className="govuk-body">{status === 429 ? t('busy') : t('problem')}</p>
}

/** A GOV.UK error summary in the family's language, focused when it appears. */
function Problems({ problems }: { problems: { field: string; text: string }[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (problems.length) ref.current?.focus()
  }, [problems])
  if (!problems.length) return null
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t('errors.heading')}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((p) => (
              <li key={p.field}>
                <a href={`#${p.field}`}>{p.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  )
}

function CodePage({ token, onRight }: { token: string; onRight: () => void }) {
  const { t } = useTranslation()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const code = String(new FormData(e.currentTarget).get('code') ?? '').trim()
    setBusy(true)
    try {
      await familyApi(token, 'POST', '/api/link/code', { code })
      rememberCode(code)
      onRight()
    } catch {
      setProblem(t('code.wrong'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Problems problems={problem ? [{ field: 'code', text: problem }] : []} />
      <form onSubmit={submit} noValidate>
        <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
          <h1 className="govuk-label-wrapper">
            <label className="govuk-label govuk-label--l" htmlFor="code">
              {t('code.heading')}
            </label>
          </h1>
          <div className="govuk-hint" id="code-hint">
            {t('code.hint')}
          </div>
          {problem && (
            <p className="govuk-error-message" id="code-error">
              {problem}
            </p>
          )}
          <input
            className="govuk-input govuk-input--width-10"
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            dir="ltr"
            aria-describedby={`code-hint${problem ? ' code-error' : ''}`}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={busy}>
          {t('code.button')}
        </button>
      </form>
    </>
  )
}

function SayPage({
  token,
  kind,
  visitId,
  view,
  language,
  onBack,
  onSent,
}: {
  token: string
  kind: SayKind
  visitId?: string
  view: FamilyLinkView
  language: LinkLanguage
  onBack: () => void
  onSent: () => void
}) {
  const { t } = useTranslation()
  const [problems, setProblems] = useState<{ field: string; text: string }[]>([])
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const visit = view.upcoming.find((v) => v.id === visitId)
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const body: Record<string, unknown> = { kind }
    if (kind === 'how_going') body.scale = form.get('scale') ? Number(form.get('scale')) : undefined
    if (kind === 'move_visit') {
      body.visitId = visitId
      body.suits = form.get('suits')
    }
    body.words = form.get('words')
    // the language of the page they wrote on: the team sees it, and can ask for a translation
    const lang = document.documentElement.lang.split('-')[0]!
    if ((LINK_LANGUAGE_LIST as readonly string[]).includes(lang)) body.language = lang
    setBusy(true)
    try {
      await familyApi(token, 'POST', '/api/link/messages', body)
      onSent()
    } catch (err) {
      const details = err instanceof FamilyApiError ? err.details : []
      const text = (field: string, rule?: string) =>
        field === 'scale'
          ? t('errors.scale')
          : field === 'visitId'
            ? t('errors.visit')
            : rule === 'too_long'
              ? t('errors.tooLong')
              : t('errors.required')
      const found = details.map((d) => {
        const field = d.field.replace(/^body\./, '')
        return { field, text: text(field, d.rule) }
      })
      setProblems(found.length ? found : [{ field: 'words', text: t('problem') }])
    } finally {
      setBusy(false)
    }
  }
  const errorOf = (field: string) => problems.find((p) => p.field === field)?.text
  const wordsOptional = kind === 'how_going' || kind === 'move_visit'
  return (
    <>
      <button type="button" className="govuk-back-link hearth-link-button" onClick={onBack}>
        {t('back')}
      </button>
      <Problems problems={problems} />
      <h1 className="govuk-heading-l" ref={heading} tabIndex={-1}>
        {t(`say.${kind}`)}
      </h1>
      {kind === 'complaint' && <p className="govuk-inset-text">{t('say.complaintHint')}</p>}
      {visit && (
        <p className="govuk-body">
          {t(`visitKind.${visit.kind}`, { defaultValue: t('visitKind.other') })}:{' '}
          <time dateTime={visit.startsAt}>{when(visit.startsAt, language)}</time>
        </p>
      )}
      <form onSubmit={submit} noValidate>
        {kind === 'how_going' && (
          <div className={`govuk-form-group${errorOf('scale') ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" aria-describedby={errorOf('scale') ? 'scale-error' : undefined}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('say.how_going')}</legend>
              {errorOf('scale') && (
                <p className="govuk-error-message" id="scale-error">
                  {errorOf('scale')}
                </p>
              )}
              <div className="govuk-radios" id="scale">
                {[5, 4, 3, 2, 1].map((n) => (
                  <div className="govuk-radios__item" key={n}>
                    <input className="govuk-radios__input" id={`scale-${n}`} name="scale" type="radio" value={n} />
                    <label className="govuk-label govuk-radios__label" htmlFor={`scale-${n}`}>
                      {t(`scale.${n}`)}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
        )}
        {kind === 'move_visit' && <Field name="suits" label={t('say.suits')} error={errorOf('suits')} rows={3} />}
        <Field
          name="words"
          label={wordsOptional ? t('say.wordsOptional') : t('say.words')}
          error={errorOf('words')}
          rows={6}
        />
        <button type="submit" className="govuk-button" disabled={busy}>
          {t('send')}
        </button>
      </form>
    </>
  )
}

function Field({ name, label, error, rows }: { name: string; label: string; error?: string; rows: number }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={name}>
        {label}
      </label>
      {error && (
        <p className="govuk-error-message" id={`${name}-error`}>
          {error}
        </p>
      )}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={name}
        name={name}
        rows={rows}
        aria-describedby={error ? `${name}-error` : undefined}
      />
    </div>
  )
}

function SentPage({ kind, onHome }: { kind: SayKind; onHome: () => void }) {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title" ref={heading} tabIndex={-1}>
          {t('sent.heading')}
        </h1>
      </div>
      <p className="govuk-body">{t('sent.body')}</p>
      {kind === 'complaint' && <p className="govuk-body">{t('sent.complaint')}</p>}
      <button type="button" className="govuk-button" onClick={onHome}>
        {t('sent.home')}
      </button>
    </>
  )
}
