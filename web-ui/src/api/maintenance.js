// The embedded engine's daily restart, announced on every page, the public ones too (it keeps its whole history in memory: docs/adr/0006-*.md). /api/ui-config says
// when the next one begins; the page says so for half an hour before, so that nobody loses a half-filled form to it,
// and asks again once it has passed (the next one is a day later; while the platform restarts the question fails and
// is asked again a minute later).
import { reactive } from 'vue'
import { auth } from './auth.js'
import { formatDateTime, now } from '../format.js'

const NOTICE_MS = 30 * 60 * 1000

export const maintenance = reactive({
  notice: null,
  timer: null,

  start() {
    if (this.timer) return
    this.check()
    this.timer = setInterval(() => this.check(), 60 * 1000)
  },

  async check() {
    const at = auth.config?.maintenanceAt ? new Date(auth.config.maintenanceAt).getTime() : null
    if (at === null) {
      this.notice = null
      return
    }
    const left = at - now().getTime()
    if (left <= 0) {
      this.notice = null
      try {
        const response = await fetch('/api/ui-config', { headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
        if (response.ok) auth.config = { ...auth.config, maintenanceAt: (await response.json()).maintenanceAt }
      } catch {
        // restarting: asked again at the next minute
      }
      return
    }
    this.notice = left <= NOTICE_MS ? formatDateTime(at) : null
  },
})
