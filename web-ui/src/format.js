// Dates and times as Chinese offices write them, in the platform's time zone (Asia/Shanghai).
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })

export function formatDateTime(value) {
  if (!value) return '—'
  return dateTime.format(new Date(value)).replace(/\//g, '-')
}

export function isOverdue(value) {
  return !!value && new Date(value).getTime() < Date.now()
}

/** today as yyyy-mm-dd in Asia/Shanghai */
export function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())
}
