// A paged list page (search form → table → pagination): the current page of a list endpoint for the given filters.
import { ref } from 'vue'
import { api } from './http.js'

export function usePagedList(path, filters, size = 20) {
  const page = ref({ items: [], total: 0 })
  const pageNo = ref(1)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      page.value = await api.get(path, { ...filters(), page: pageNo.value - 1, size })
    } catch (e) {
      error.value = e.message
    } finally {
      loading.value = false
    }
  }

  function search() {
    pageNo.value = 1
    return load()
  }

  return { page, pageNo, size, loading, error, load, search }
}
