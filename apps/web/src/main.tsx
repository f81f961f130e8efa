import './govuk.scss'
import './hearth.css'
import { createRoot } from 'react-dom/client'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
const root = createRoot(document.getElementById('root')!)

// A family's link opens only their own small page (and its language); staff get the staff app.
const app =
  window.location.pathname === '/family' ? import('./features/family-voice/family-pages/mount') : import('./staff')
void app.then((m) => m.mount(root))
