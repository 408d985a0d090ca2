// The signed-in person's open tasks, shared by 我的待办 and the menu's badge: one request serves both.
import { reactive } from 'vue'
import { api } from './http.js'

export const inbox = reactive({
  tasks: [],
  loaded: false,
  async refresh() {
    this.tasks = await api.get('/tasks')
    this.loaded = true
  },
})
