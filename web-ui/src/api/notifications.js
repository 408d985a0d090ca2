// The signed-in person's unread notices, for the bell on every page: asked again every minute and on each page change.
import { reactive } from 'vue'

const EVERY_MS = 60_000
let timer = null

export const bell = reactive({
  unread: 0,
  async refresh() {
    try {
      const { api } = await import('./http.js') // as auth.js does: the first page's script stays small
      this.unread = (await api.get('/notifications/unread-count')).unread
    } catch {
      // the figure stays as it was: a failed count is no reason to disturb the page
    }
  },
  start() {
    if (timer) return
    this.refresh()
    timer = setInterval(() => this.refresh(), EVERY_MS)
  },
  stop() {
    clearInterval(timer)
    timer = null
    this.unread = 0
  },
})
