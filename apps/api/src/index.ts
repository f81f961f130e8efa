export { buildApp, type AppDeps } from './app'
export { loadConfig, type Config } from './config'
export { hashToken } from './kernel/tokens'
export { SESSION_COOKIE } from './plugins/auth'
