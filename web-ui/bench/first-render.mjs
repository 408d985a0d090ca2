// Benchmark: how long the first page takes to render in Chromium on a cold cache (a fresh browser context each time),
// against a running platform — the sign-in page, 我的待办 right after signing in, and the 数据看板 as the first page
// after signing in (figures and charts drawn) — and how much JavaScript the first page loads, compressed as served.
// Writes the figures to stdout as a Markdown table for docs/benchmarks.md.
// Run: start the platform (README), then `BASE_URL=http://localhost:8080 node web-ui/bench/first-render.mjs [runs]`
import { launch, BASE_URL } from '../e2e/browser.mjs'

const RUNS = Number(process.argv[2] || 10)

async function measure(browser, signIn, target = '/') {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'zh-CN', viewport: { width: 1366, height: 900 } })
  const page = await context.newPage()
  let ms
  if (!signIn) {
    const start = Date.now()
    await page.goto('/login')
    await page.waitForSelector('#login-username', { state: 'visible' })
    ms = Date.now() - start
  } else {
    await page.goto(`/login?redirect=${encodeURIComponent(target)}`)
    await page.waitForSelector('#login-username')
    await page.fill('#login-username', 'fuli')
    await page.fill('#login-password', 'demo123')
    const start = Date.now()
    await page.click('button[type=submit]')
    if (target === '/') await page.waitForSelector('.inbox-item, .inbox-empty', { state: 'visible' })
    else await page.waitForSelector('.figure-card .value', { state: 'visible' })
    await page.waitForSelector('.el-loading-mask', { state: 'detached' }).catch(() => {})
    if (target !== '/') await page.waitForSelector('.chart canvas')
    ms = Date.now() - start
  }
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null)
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource').reduce((n, r) => n + (r.transferSize || 0), 0)
    + (performance.getEntriesByType('navigation')[0]?.transferSize || 0))
  // the scripts of the page as they came over the wire (compressed where the server compresses)
  const jsBytes = await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'))
    .reduce((n, r) => n + (r.encodedBodySize || 0), 0))
  await context.close()
  return { ms, fcp, bytes, jsBytes }
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]

const browser = await launch()
try {
  await measure(browser, false) // the server's first answers (JIT, caches) are not what a user sees on a normal day
  console.log('| page | runs | p50 ms | p95 ms | max ms | first contentful paint p50 ms | transferred KB | JavaScript KB (as served) |')
  console.log('|---|---|---|---|---|---|---|---|')
  for (const [name, signIn, target] of [['登录 (cold cache)', false], ['我的待办 after signing in', true, '/'],
    ['数据看板 after signing in', true, '/dashboard']]) {
    const results = []
    for (let i = 0; i < RUNS; i++) results.push(await measure(browser, signIn, target))
    const ms = results.map((r) => r.ms)
    const fcp = results.map((r) => r.fcp).filter((x) => x !== null)
    console.log(`| ${name} | ${RUNS} | ${pct(ms, 50)} | ${pct(ms, 95)} | ${Math.max(...ms)} | ${fcp.length ? Math.round(pct(fcp, 50)) : '—'} | ${Math.round(results[0].bytes / 1024)} | ${Math.round(results[0].jsBytes / 1024)} |`)
  }
} finally {
  await browser.close()
}
