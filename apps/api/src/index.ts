export { buildApp, type AppDeps } from './app'
export { loadConfig, type Config } from './config'
export { hashToken, SESSION_COOKIE } from './plugins/auth'
