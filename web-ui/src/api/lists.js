// The lists pages show: a whole list (useList), or one page of it for the given filters (usePagedList: search form →
// table → pagination). Both keep loading and the server's error for the page to show.
import { ref } from 'vue'
import { api } from './http.js'

function useLoad(initial, fetch) {
  const data = ref(initial)
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      data.value = await fetch()
    } catch (e) {
      error.value = e.message
    } finally {
      loading.value = false
    }
  }

  return { data, loading, error, load }
}

/** the whole list, optionally for the filters `params()` answers */
export function useList(path, params = () => undefined) {
  const { data: items, loading, error, load } = useLoad([], () => api.get(path, params()))
  return { items, loading, error, load }
}

export function usePagedList(path, filters, size = 20) {
  const pageNo = ref(1)
  const { data: page, loading, error, load } = useLoad({ items: [], total: 0 },
    () => api.get(path, { ...filters(), page: pageNo.value - 1, size }))

  function search() {
    pageNo.value = 1
    return load()
  }

  return { page, pageNo, size, loading, error, load, search }
}
