import { Navigate, Route, Routes, useLocation } from 'react-router'
import { Layout } from './components/Layout'
import { Loading } from './components/govuk'
import { routesFor } from './feature'
import { SignInPage } from './features/auth/SignInPage'
import { useMe } from './session'

export function App() {
  const { data: me, isLoading } = useMe()
  const location = useLocation()
  if (isLoading)
    return (
      <Layout me={null}>
        <Loading />
      </Layout>
    )
  if (!me) {
    return (
      <Layout me={null}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<Navigate to="/sign-in" replace state={{ from: location.pathname }} />} />
        </Routes>
      </Layout>
    )
  }
  return (
    <Layout me={me}>
      <Routes>
        {routesFor(me).map((r) => (
          <Route key={r.path} path={r.path} element={r.page(me)} />
        ))}
        <Route
          path="*"
          element={
            <>
              <h1 className="govuk-heading-l">Page not found</h1>
              <p className="govuk-body">There is nothing here, or you do not have access to it.</p>
            </>
          }
        />
      </Routes>
    </Layout>
  )
}
