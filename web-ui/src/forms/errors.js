// The server's messages shown where they belong: next to the field it names, or above the form.
import { reactive, ref } from 'vue'
import { ApiError } from '../api/http.js'

export function useFormErrors() {
  const error = ref('')
  const fieldErrors = reactive({})

  function clear() {
    error.value = ''
    for (const k of Object.keys(fieldErrors)) delete fieldErrors[k]
  }

  /** runs an API call; on failure keeps the message (and each named field's) and returns false */
  async function catchInto(action) {
    clear()
    try {
      await action()
      return true
    } catch (e) {
      if (e instanceof ApiError) {
        error.value = e.message
        for (const fe of e.errors) fieldErrors[fe.field] = fe.message
      } else {
        error.value = '操作失败，请稍后重试'
        console.error(e)
      }
      return false
    }
  }

  return { error, fieldErrors, catchInto, clear }
}
