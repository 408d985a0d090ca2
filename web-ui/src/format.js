// Dates and times as Chinese offices write them, in the platform's time zone (Asia/Shanghai).
const dateTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })

export function formatDateTime(value) {
  if (!value) return '—'
  return dateTime.format(new Date(value)).replace(/\//g, '-')
}

/** a deadline: the day alone when it is the day's end (an office's deadline), else the day and the hour */
export function formatDue(value) {
  const text = formatDateTime(value)
  return text.endsWith('23:59') ? `${text.slice(0, 10)} 当天` : text
}

// The platform's clock, as /api/ui-config tells it: the browser's may be off, or the platform tried on another day.
let clockOffsetMs = 0

/** Follow the platform's clock where it differs from the browser's by more than a few minutes. */
export function followPlatformClock(platformNow) {
  const offset = new Date(platformNow).getTime() - Date.now()
  clockOffsetMs = Number.isFinite(offset) && Math.abs(offset) > 5 * 60 * 1000 ? offset : 0
}

/** now on the platform's clock */
export function now() {
  return new Date(Date.now() + clockOffsetMs)
}

export function isOverdue(value) {
  return !!value && new Date(value).getTime() < now().getTime()
}

/** today as yyyy-mm-dd in Asia/Shanghai, on the platform's clock */
export function today() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now())
}

/** the day after an ISO date */
export function nextDay(isoDate) {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86400000).toISOString().slice(0, 10)
}

/**
 * A date picker's disabledDate for the days a field refuses, on the platform's clock: `notBefore`/`notAfter` is
 * 'today' or 'tomorrow' (a deadline that must lie after today: 'tomorrow'), or a yyyy-mm-dd day. Undefined when the
 * field has no bound.
 */
export function disabledDays({ notBefore, notAfter } = {}) {
  if (!notBefore && !notAfter) return undefined
  const bound = (name) => (name === 'tomorrow' ? nextDay(today()) : name === 'today' ? today() : name)
  return (date) => {
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
    return (!!notBefore && day < bound(notBefore)) || (!!notAfter && day > bound(notAfter))
  }
}

/** a tracking code in groups of four (ABCD-EFGH-JKMN): read out, copied by hand or typed back without losing place */
export function groupCode(code) {
  return (code || '').replace(/(.{4})(?=.)/g, '$1-')
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** a process variable's value (JSON) as people read it: text without its quotes, yes/no, dates as dates */
export function shownValue(json) {
  try {
    const v = JSON.parse(json)
    if (v === null) return '（空）'
    if (typeof v === 'boolean') return v ? '是' : '否'
    if (typeof v === 'string' && DATE_TIME.test(v)) return `${formatDateTime(v)}（日期时间）`
    return typeof v === 'string' ? v : JSON.stringify(v)
  } catch {
    return json
  }
}
