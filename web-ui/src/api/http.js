// The one way the UI talks to the API: JSON in and out, the session's CSRF token or the Keycloak token attached,
// and every failure turned into an ApiError carrying the server's message and the fields it names.
import { auth } from './auth.js'

export class ApiError extends Error {
  constructor(status, detail, errors = [], body = null) {
    super(detail)
    this.status = status
    this.errors = errors // [{ field, message }]
    this.body = body // the whole problem document: some carry more (a refused model's findings)
  }
  /** the server's message for one form field, if it named it (items[0].note also matches items[0].note) */
  fieldMessage(field) {
    const hit = this.errors.find((e) => e.field === field)
    return hit ? hit.message : null
  }
}

async function headers(extra = {}) {
  // X-Requested-With: the API answers 401 without a Basic challenge (no browser login box)
  const h = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extra }
  const bearer = await auth.bearerToken()
  if (bearer) h.Authorization = `Bearer ${bearer}`
  else if (auth.csrf) h[auth.csrf.header] = auth.csrf.token
  return h
}

async function failure(response) {
  let body = null
  try {
    body = await response.json()
  } catch {
    // not a problem document (a proxy's page, say): never show it raw
  }
  const detail = body && typeof body.detail === 'string' ? body.detail : `请求失败（${response.status}），请稍后重试`
  const errors = body && Array.isArray(body.errors) ? body.errors : []
  if (body && body.field && !errors.length) errors.push({ field: body.field, message: detail })
  if (response.status === 401) auth.signedOut()
  return new ApiError(response.status, detail, errors, body)
}

export async function request(method, path, body, { raw = false, accept } = {}) {
  let response
  try {
    const isForm = body instanceof FormData || body instanceof Blob
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: await headers({ ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }), ...(accept ? { Accept: accept } : {}) }),
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络后重试')
  }
  if (!response.ok) throw await failure(response)
  if (raw) return response
  if (response.status === 204) return null
  const type = response.headers.get('Content-Type') || ''
  return type.includes('json') ? response.json() : response.text()
}

export const api = {
  get: (path, params) => request('GET', params ? `${path}?${query(params)}` : path),
  /** a document that is not JSON (a BPMN model's XML) */
  xml: (path) => request('GET', path, undefined, { accept: 'application/xml' }),
  post: (path, body) => request('POST', path, body ?? {}),
  put: (path, body) => request('PUT', path, body ?? {}),
  /** a document that is not JSON (a BPMN model to check), answered with JSON */
  postText: (path, text, type) => request('POST', path, new Blob([text], { type })),
  del: (path) => request('DELETE', path),
  upload: (path, file, name = 'file') => {
    const form = new FormData()
    form.append(name, file)
    return request('POST', path, form)
  },
  /** downloads a file the API makes (Excel, CSV) under the name the server gives it */
  async download(path, params) {
    const response = await request('GET', params ? `${path}?${query(params)}` : path, undefined, { raw: true, accept: '*/*' })
    const blob = await response.blob()
    const disposition = response.headers.get('Content-Disposition') || ''
    const match = /filename\*=UTF-8''([^;]+)/.exec(disposition) || /filename="?([^";]+)"?/.exec(disposition)
    const name = match ? decodeURIComponent(match[1]) : path.split('/').pop()
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = name
    document.body.appendChild(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10000)
    return name
  },
  /** an attachment as an object URL (images need the credentials too) */
  async objectUrl(path) {
    const response = await request('GET', path, undefined, { raw: true, accept: '*/*' })
    return URL.createObjectURL(await response.blob())
  },
}

export function query(params) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v)
  }
  return q.toString()
}
