import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useParams } from 'react-router'
import type { FamilyLinkView } from '@hearth/contracts/family-voice'
import { LINK_LANGUAGE_LIST, LINK_LANGUAGES, type LinkLanguage } from '@hearth/domain/family-voice'
import { api } from '../../api'
import { BackLink, ErrorSummary, Loading } from '../../components/govuk'
import { FamilyView } from './family-pages/FamilyView'
import { startLanguage } from './family-pages/i18n'
import { useVoice } from './voice-api'

/**
 * Exactly what the family will see, in their language, before a link is issued: the same
 * component their page uses, read through the same rules (held contact included).
 */
export function PreviewPage() {
  const { id } = useParams()
  const familyId = id!
  const voice = useVoice(familyId)
  const [person, setPerson] = useState<string>('')
  const [language, setLanguage] = useState<LinkLanguage | null>(null)
  const [ready, setReady] = useState(false)
  const chosen = person || (voice.data?.people[0] ? `${voice.data.people[0].kind}:${voice.data.people[0].id}` : '')
  const lang = language ?? voice.data?.people[0]?.language ?? 'en'
  const [kind, personId] = chosen.split(':')
  const query = kind ? `?${kind === 'adult' ? 'adultId' : 'childId'}=${personId}&language=${lang}` : `?language=${lang}`
  const view = useQuery({
    queryKey: ['family-voice', familyId, 'preview', query],
    enabled: !!voice.data,
    queryFn: () => api<FamilyLinkView>('GET', `/api/families/${familyId}/family-link/preview${query}`),
  })
  useEffect(() => {
    setReady(false)
    void startLanguage(lang).then(() => setReady(true))
  }, [lang])
  if (voice.isLoading) return <Loading />
  return (
    <>
      <BackLink to={`/families/${familyId}/family-link`}>Back to the family’s link</BackLink>
      <ErrorSummary error={voice.error ?? view.error} />
      <h1 className="govuk-heading-l">What the family will see</h1>
      <div className="govuk-form-group">
        {voice.data && voice.data.people.length > 0 && (
          <>
            <label className="govuk-label" htmlFor="preview-person">
              As
            </label>
            <select
              className="govuk-select"
              id="preview-person"
              value={chosen}
              onChange={(e) => setPerson(e.target.value)}
            >
              {voice.data.people.map((p) => (
                <option key={p.id} value={`${p.kind}:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </select>{' '}
          </>
        )}
        <label className="govuk-label" htmlFor="preview-language">
          In
        </label>
        <select
          className="govuk-select"
          id="preview-language"
          value={lang}
          onChange={(e) => setLanguage(e.target.value as LinkLanguage)}
        >
          {LINK_LANGUAGE_LIST.map((l) => (
            <option key={l} value={l}>
              {LINK_LANGUAGES[l].name}
            </option>
          ))}
        </select>
      </div>
      <section
        className="hearth-preview"
        lang={lang === 'en' ? 'en-GB' : lang}
        dir={LINK_LANGUAGES[lang].dir}
        aria-label="The family’s page"
      >
        {view.data && ready ? <FamilyView view={view.data} language={lang} /> : <Loading />}
      </section>
    </>
  )
}
