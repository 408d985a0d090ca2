// What every journey needs: Debian's Chromium driven by playwright-core, a screenshot and an axe-core check of each
// page visited, and a guard that no page shows a raw stack trace.
import { chromium } from 'playwright-core'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const BASE_URL = process.env.BASE_URL || 'http://localhost:8080'
export const SCREENSHOTS = process.env.SCREENSHOT_DIR || 'target/browser-screenshots'
const EXECUTABLE = process.env.CHROMIUM || '/usr/bin/chromium'

// the platform's clock, which the tests may have started on another day: dates typed into forms derive from it
let platformOffsetMs = 0

export async function launch() {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const config = await fetch(`${BASE_URL}/api/ui-config`).then((r) => r.json()).catch(() => ({}))
  if (config.now) platformOffsetMs = new Date(config.now).getTime() - Date.now()
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--lang=zh-CN'],
  })
}

export async function newPage(browser, { mobile = false } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    isMobile: mobile,
    hasTouch: mobile,
  })
  const page = await context.newPage()
  page.setDefaultTimeout(30000) // a loaded 2-core machine (a build beside the test) is slow, not broken
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problem(`CSP violation on ${page.url()}: ${m.text()}`)
  })
  return page
}

const problems = []

/** fails the run at the end (not at once): every page gets its check even when an earlier one failed */
export function problem(message) {
  problems.push(message)
  console.error(`PROBLEM: ${message}`)
}

export function expect(condition, message) {
  if (!condition) problem(message)
}

/** screenshot + axe (serious and critical violations are problems) + no stack trace on the page */
export async function checkPage(page, name) {
  await page.waitForLoadState('networkidle')
  await page.waitForSelector('.el-loading-mask', { state: 'detached', timeout: 10000 }).catch(() => {})
  // colours are measured after transitions end (a tag zooming in — Element Plus's el-zoom-in-center on appear — is
  // not yet its own colour); a transition may start only after the last response has rendered
  await page.waitForTimeout(300)
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
  await page.evaluate(AXE_SOURCE) // through the debugger, not a <script>: the page's CSP refuses inline scripts
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    return axe.run(document, { resultTypes: ['violations'] })
  })
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  for (const v of bad) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')
    problem(`${name}: axe ${v.impact} ${v.id} (${v.help}) at ${where}`)
  }
  const text = await page.locator('body').innerText()
  if (/Exception|\bat [a-z]+\.[a-z]+\.[A-Za-z.]+\(|Whitelabel Error|Traceback/.test(text)) {
    problem(`${name}: the page shows a raw error or stack trace`)
  }
  const raw = rawCodes(text)
  if (raw.length) problem(`${name}: the page shows codes people do not read: ${raw.slice(0, 5).join(' | ')}`)
  console.log(`checked ${name}: ${bad.length} serious/critical axe violations`)
}

/**
 * What must never reach a person's screen: JSON keys, enum names (NOT_APPLICABLE), criterion codes (GEN-FIRE), BPMN
 * element ids (Task_…) and a bare null. Hazard and report numbers (YH2026-000042, JB000012) and a whistleblower's
 * tracking code in its groups (ABCD-EFGH-JKMN) are what people quote.
 */
export function rawCodes(text) {
  const patterns = [/"[A-Za-z]\w*"\s*:/g, /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, /\b(?!YH\d)[A-Z]{2,}-[A-Z]{2,}[A-Z0-9-]*\b/g,
    /\b(?:Task|Event|Gateway|Flow|SubProcess|Activity)_[A-Za-z]\w*/g, /(?<![A-Za-z])null(?![A-Za-z])/g]
  // a tracking code, also where it wraps after a dash, is what a whistleblower quotes
  const quoted = text.replace(/\b[A-Z2-9]{4}-\s*[A-Z2-9]{4}-\s*[A-Z2-9]{4}\b/g, '')
  return patterns.flatMap((p) => quoted.match(p) || [])
}

export async function signIn(page, username, password = 'demo123') {
  await page.goto('/login')
  await page.fill('#login-username', username)
  await page.fill('#login-password', password)
  await page.click('button[type=submit]')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

export async function signOut(page) {
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL('**/login')
}

/** picks an option of an Element Plus select (opened by clicking it; remote selects get typed text first) */
export async function choose(page, selector, optionText, { type } = {}) {
  await page.locator('.el-select', { has: page.locator(selector) }).click()
  if (type) await page.keyboard.type(type, { delay: 30 })
  const option = page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: optionText }).first()
  await option.click()
}

/** confirms the dialog an irreversible step asks (ElMessageBox), with the button of the given text */
export async function confirmDialog(page, buttonText = '确认提交') {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  await box.getByRole('button', { name: buttonText }).click()
  await box.waitFor({ state: 'hidden' })
}

/** types a date into an Element Plus date picker */
export async function pickDate(page, selector, isoDate) {
  await page.fill(selector, isoDate)
  await page.press(selector, 'Enter')
  await page.keyboard.press('Escape')
}

export function finish() {
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n- ${problems.join('\n- ')}`)
    process.exitCode = 1
  } else {
    console.log('\nall journeys passed')
  }
}

/** a day relative to the platform's today (Asia/Shanghai), as yyyy-mm-dd */
export function isoDate(daysFromToday) {
  const d = new Date(Date.now() + platformOffsetMs + daysFromToday * 86400000)
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d)
}
