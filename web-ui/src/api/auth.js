// Who is signed in, and how: the local session (embedded default) or Keycloak (authorization code + PKCE with the
// realm's public client). The API tells which in /api/ui-config.
import { reactive } from 'vue'
import { followPlatformClock } from '../format.js'

let keycloak = null

export const auth = reactive({
  config: null,
  me: null,
  csrf: null, // { header, token } of the local session
  ready: false,

  async start() {
    const response = await fetch('/api/ui-config', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
    this.config = response.ok ? await response.json() : { authMode: 'local' }
    if (this.config.now) followPlatformClock(this.config.now)
    if (this.config.authMode === 'keycloak' && this.config.keycloak) {
      const { default: Keycloak } = await import('keycloak-js')
      keycloak = new Keycloak(this.config.keycloak)
      await keycloak.init({ onLoad: 'check-sso', pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'query' })
    }
    await this.refresh()
    this.ready = true
  },

  async refresh() {
    const { api } = await import('./http.js')
    try {
      this.setMe(await api.get('/me'))
    } catch {
      this.me = null
    }
  },

  setMe(me) {
    this.me = me
    this.csrf = me && me.csrfToken ? { header: me.csrfHeader, token: me.csrfToken } : null
  },

  async bearerToken() {
    if (!keycloak || !keycloak.authenticated) return null
    try {
      await keycloak.updateToken(30)
    } catch {
      return null
    }
    return keycloak.token
  },

  async signIn(username, password) {
    const { api } = await import('./http.js')
    this.setMe(await api.post('/session', { username, password }))
  },

  signInWithKeycloak(redirectPath) {
    return keycloak.login({ redirectUri: window.location.origin + (redirectPath || '/') })
  },

  async signOut() {
    if (keycloak && keycloak.authenticated) {
      this.me = null
      return keycloak.logout({ redirectUri: window.location.origin + '/login' })
    }
    const { api } = await import('./http.js')
    try {
      await api.del('/session')
    } finally {
      this.me = null
      this.csrf = null
    }
  },

  /** the API said 401: the session ended (timed out, or signed out elsewhere) */
  signedOut() {
    this.me = null
    this.csrf = null
  },

  has(...roles) {
    return !!this.me && this.me.roles.some((r) => roles.includes(r))
  },
})
