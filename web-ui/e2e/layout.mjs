// Layout checks of issue 19: phones (no sideways scrolling, tap targets of 44 px, text of 16 px), 长辈版 (text of 18 px,
// controls of 44 px) and the keyboard path through the menu. The journeys call these; run alone, this file signs in as
// four roles on two phones and a desktop and visits every page of their menu:
//   BASE_URL=http://localhost:5173 node e2e/layout.mjs
// (LAYOUT_USERS=inst001,fuli and LAYOUT_VIEWPORTS=phone360,desktop narrow it down)
import { launch, newPage, signIn, checkPage, expect, problem, finish } from './browser.mjs'

const TAP = 44
const PHONE_TEXT = 16
const ELDER_TEXT = 18
const INTERACTIVE = ['a[href]', 'button', 'input', 'select', 'textarea', '[role=radio]', '[role=checkbox]', '[role=switch]',
  'label.el-radio', 'label.el-checkbox', '.el-select__wrapper', '.el-input__wrapper', '.el-pagination button',
  '.el-pagination li', '[role=tab]'].join(', ')

/**
 * Runs in the page: the interactive elements lower than minHeight and the texts smaller than minText, each named by a
 * short selector and a sample of its text. An input is measured by the box around it (Element Plus draws the border,
 * and takes the tap, on its wrapper); what is hidden, of no size or moved off screen (the skip link) is left out, and
 * so are the buttons inside a BPMN diagram. Controls inside table cells are measured like any other.
 */
function measure({ interactive, minHeight, minText }) {
  const shown = (el) => {
    const r = el.getBoundingClientRect()
    return r.width > 1 && r.height > 1 && r.right > 0 && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })
  }
  const name = (el) => {
    const id = el.id ? `#${el.id}` : ''
    const cls = [...el.classList].slice(0, 2).map((c) => `.${c}`).join('')
    const text = (el.innerText || el.value || el.getAttribute('aria-label') || el.placeholder || '').trim().replace(/\s+/g, ' ')
    return `${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text.slice(0, 20)}"` : ''}`
  }
  const low = new Map()
  if (minHeight) {
    for (const el of document.querySelectorAll(interactive)) {
      // a process diagram's own buttons (drill down into a box) scale with the diagram's zoom: not a page's control
      if (el.closest('.djs-container')) continue
      const box = el.closest('.el-input__wrapper, .el-select__wrapper, .el-textarea, .el-switch') || el
      if (low.has(box) || !shown(box)) continue
      const h = box.getBoundingClientRect().height
      if (h < minHeight - 0.5) low.set(box, `${name(box)} ${Math.round(h)}px`)
    }
  }
  const small = new Map() // one sample per selector and size: a table of 20 rows is one finding, not 20
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement
    if (!node.textContent.trim() || !el || el.closest('svg, script, style, noscript') || !shown(el)) continue
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < minText - 0.1) {
      const key = `${el.tagName}.${[...el.classList].join('.')} ${size}`
      if (!small.has(key)) small.set(key, `${name(el)} ${size}px`)
    }
  }
  // the document, and the main area where it scrolls by itself (el-main on a desktop)
  const main = document.querySelector('.app-main')
  const overflow = Math.max(document.scrollingElement.scrollWidth - innerWidth, main ? main.scrollWidth - main.clientWidth : 0)
  return { overflow, width: innerWidth, low: [...low.values()], small: [...small.values()] }
}

function report(name, what, list) {
  if (list.length) problem(`${name}: ${list.length} ${what}: ${list.slice(0, 8).join('; ')}${list.length > 8 ? ' …' : ''}`)
}

/** no sideways scrolling at the current viewport; on a phone, tap targets of 44 px and text of 16 px */
export async function checkPhoneLayout(page, name) {
  const phone = page.viewportSize().width <= 768
  const m = await page.evaluate(measure, { interactive: INTERACTIVE, minHeight: phone ? TAP : 0, minText: phone ? PHONE_TEXT : 0 })
  expect(m.overflow <= 1, `${name}: the page scrolls sideways at ${m.width} px (by ${m.overflow} px)`)
  report(name, `tap targets lower than ${TAP} px`, m.low)
  report(name, `texts smaller than ${PHONE_TEXT} px`, m.small)
}

/** 长辈版 (switched on for the check if it is off, and off again after): every text of 18 px, every control of 44 px,
 *  no sideways scrolling */
export async function checkElderMode(page, name) {
  const wasOn = await page.evaluate(() => document.documentElement.classList.contains('elder-mode'))
  if (!wasOn) await page.evaluate(() => document.documentElement.classList.add('elder-mode'))
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))
  const m = await page.evaluate(measure, { interactive: INTERACTIVE, minHeight: TAP, minText: ELDER_TEXT })
  if (!wasOn) await page.evaluate(() => document.documentElement.classList.remove('elder-mode'))
  expect(m.overflow <= 1, `${name} (长辈版): the page scrolls sideways at ${m.width} px (by ${m.overflow} px)`)
  report(`${name} (长辈版)`, `controls lower than ${TAP} px`, m.low)
  report(`${name} (长辈版)`, `texts smaller than ${ELDER_TEXT} px`, m.small)
}

/** from a freshly loaded page: Tab reaches a menu link with a visible focus, Enter opens its page, focus is on its h1 */
export async function keyboardMenu(page) {
  await page.goto('/')
  await page.waitForSelector('.app-menu a')
  let link = null
  for (let i = 0; i < 30 && !link; i++) {
    await page.keyboard.press('Tab')
    link = await page.evaluate(() => {
      const el = document.activeElement
      if (!el?.matches('.app-menu a') || el.getAttribute('aria-current')) return null // the current page's link opens nothing new
      const s = getComputedStyle(el)
      return { href: el.getAttribute('href'), text: el.innerText, visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none' }
    })
  }
  if (!link) return problem('keyboard: Tab never reaches a menu link')
  expect(link.visible, `keyboard: the focused menu link "${link.text}" shows no focus (no outline, no shadow)`)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === link.href)
  await page.waitForFunction(() => document.activeElement?.matches('h1.page-title'), null, { timeout: 3000 })
    .catch(() => problem(`keyboard: after Enter on "${link.text}" the focus is not on the page's h1`))
  expect(await page.locator('.app-menu a[aria-current=page]').getAttribute('href') === link.href,
    `keyboard: the menu marks "${link.text}" as the current page (aria-current)`)
}

/** waits for the page's requests and transitions; false when the API has not answered in 10 s (the page is laid out
 *  and checked all the same, as it looks while it loads) */
async function settle(page) {
  const idle = await page.waitForLoadState('networkidle', { timeout: 10000 }).then(() => true, () => false)
  await page.waitForSelector('.el-loading-mask', { state: 'detached', timeout: idle ? 10000 : 1 }).catch(() => {})
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))
  return idle
}
const unanswered = new Set()

/** the menu's pages, and a detail page behind the first link of each list that has one */
async function pagesOf(page) {
  await page.goto('/')
  await page.waitForSelector('.app-menu a')
  const menu = await page.locator('.app-menu a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  const pages = [...menu]
  for (const [list, detail] of [['/', '/tasks/'], ['/hazards', '/hazards/'], ['/institutions', '/institutions/'], ['/campaigns', '/campaigns/']]) {
    if (!menu.includes(list)) continue
    await page.goto(list)
    await settle(page)
    const href = await page.locator(`main a[href^="${detail}"]:not([href$="/new"])`).first().getAttribute('href', { timeout: 3000 }).catch(() => null)
    if (href) pages.push(href)
  }
  return [...pages, '/notifications', `/hazards/${FIXTURE}`, `/tasks/${FIXTURE}`]
}

/** 申请延期 opened on the served 隐患整改 task, else on the institution's first one: the dialog fits the phone */
async function extensionDialog(page, name, check = checkPhoneLayout) {
  await page.goto('/')
  await settle(page)
  const tasks = await page.locator('main a[href^="/tasks/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  for (const href of [`/tasks/${FIXTURE}`, ...tasks]) {
    await page.goto(href)
    await settle(page)
    const button = page.getByRole('button', { name: '申请延期' })
    if (!(await button.count())) continue
    await button.click()
    const dialog = page.locator('.el-dialog:visible')
    await dialog.waitFor()
    await settle(page)
    const box = await dialog.boundingBox()
    const close = await dialog.locator('.el-dialog__headerbtn').boundingBox()
    const width = page.viewportSize().width
    expect(box.x >= 0 && box.x + box.width <= width, `${name}: the 申请延期 dialog is wider than the screen (${Math.round(box.width)} of ${width} px)`)
    expect(close && close.x + close.width <= width, `${name}: the 申请延期 dialog's close button is off screen`)
    await check(page, `${name} 申请延期`)
    return
  }
  console.log(`${name}: no rectification task to open 申请延期 on`)
}

// The demo county may hold no hazard yet: the browser is served one (page.route), with the longest 判定依据 of the
// catalogue and an open 隐患整改 task, so that the hazard detail and 申请延期 are always checked
const FIXTURE = 990001
const TASK = {
  id: FIXTURE, kind: 'RECTIFICATION', kindLabel: '隐患整改', title: '隐患整改：YH-2025-0001 安澜县社会福利中心二楼消防通道堆放杂物',
  status: 'OPEN', statusLabel: '待办理', subjectType: 'HAZARD', subjectId: FIXTURE, township: '城关镇', institutionId: 1,
  dueAt: '2025-12-20T10:00:00Z', createdAt: '2025-11-21T02:00:00Z', remindedCount: 0, result: null,
}
const HAZARD = {
  id: FIXTURE, code: 'YH-2025-0001', status: 'RECTIFYING', statusLabel: '整改中', institutionId: 1, institutionName: '安澜县社会福利中心',
  township: '城关镇', description: '二楼消防通道堆放杂物，疏散指示标志被遮挡，夜间值班人员未按规定巡查，灭火器压力不足',
  location: '二楼走廊东侧', category: 'FIRE', categoryLabel: '消防', criterionCode: 'YL-4-2',
  criterionText: '经住建、消防部门检查或第三方评估，建筑防火设计或消防、电气、燃气设施设备不符合法规和强制性标准，不具备消防安全技术条件',
  source: 'SELF_CHECK', sourceLabel: '机构自查', grade: 'MAJOR', gradeLabel: '重大事故隐患', listedSupervision: true,
  responsibleUnit: '安澜县社会福利中心', responsiblePerson: '李建国', foundOn: '2025-11-20', rectificationDeadline: '2025-12-20',
  closedAt: null, escalations: [], extensions: [], verifications: [], tasks: [TASK],
  history: [{ to: 'REPORTED', toLabel: '已上报', at: '2025-11-20T02:00:00Z', actorName: '李建国', note: '机构自查发现' },
    { to: 'RECTIFYING', toLabel: '整改中', at: '2025-11-21T02:00:00Z', actorName: '王乡镇', note: '限期整改，专人值守通道' }],
  rectifications: [{ completedOn: '2025-11-25', measures: '清理通道杂物，更换被遮挡的疏散指示标志，张贴禁止堆放标识', responsiblePerson: '李建国', funds: 1200 }],
}
const FIXTURE_ANSWERS = { [`/api/hazards/${FIXTURE}`]: HAZARD, [`/api/tasks/${FIXTURE}`]: TASK, [`/api/hazards/${FIXTURE}/attachments`]: [],
  [`/api/hazards/${FIXTURE}/process`]: { processInstanceKey: null, steps: [], waiting: [], timers: [] } }

function serveFixture(page) {
  return page.route((url) => url.pathname in FIXTURE_ANSWERS, (route) =>
    route.fulfill({ json: FIXTURE_ANSWERS[new URL(route.request().url()).pathname] }))
}

const VIEWPORTS = [
  { label: 'phone390', mobile: true, size: { width: 390, height: 844 } },
  { label: 'phone360', mobile: true, size: { width: 360, height: 780 } },
  { label: 'desktop', mobile: false, size: { width: 1366, height: 900 } },
]

/**
 * Every page of four roles' menus on the given screens (phones by default): no sideways scrolling, tap targets and
 * text sizes, 长辈版 on the narrowest one and on a desktop (sizes and axe on every page), the keyboard path through the
 * menu, and the pages of no sign-in.
 */
export async function layoutJourney(browser, viewports = ['phone360'], elderUsers = ['inst001', 'town1', 'fuli', 'leader'],
  elderDesktopUsers = ['fuli', 'leader']) {
  let visited = 0
  let sessions = 0
  try {
    const visitor = await newPage(browser, { mobile: true }) // the pages of no sign-in
    for (const url of ['/login', '/whistleblower', '/whistleblower/status']) {
      await visitor.goto(url)
      await settle(visitor)
      await checkPhoneLayout(visitor, `visitor phone390 ${url}`)
      await checkElderMode(visitor, `visitor phone390 ${url}`)
      await visitor.evaluate(() => document.documentElement.classList.add('elder-mode'))
      await checkPage(visitor, `elder-visitor-${url.replace(/\W+/g, '_')}`)
      await visitor.evaluate(() => document.documentElement.classList.remove('elder-mode'))
      visited++
    }
    await visitor.context().close()
    const only = (list, env) => (process.env[env] ? list.filter((x) => process.env[env].split(',').includes(x.label ?? x)) : list)
    for (const user of only(['inst001', 'town1', 'fuli', 'leader'], 'LAYOUT_USERS')) {
      for (const vp of only(VIEWPORTS.filter((v) => viewports.includes(v.label)), 'LAYOUT_VIEWPORTS')) {
        const page = await newPage(browser, { mobile: vp.mobile })
        await page.setViewportSize(vp.size)
        await serveFixture(page)
        await signIn(page, user)
        // the keyboard and axe on the narrowest phone of the run (the journeys use phone360 only, to keep CI short)
        const narrowest = vp.label === viewports.filter((v) => v.startsWith('phone')).at(-1)
        if (narrowest || !vp.mobile) await keyboardMenu(page)
        const pages = await pagesOf(page)
        // 长辈版 on the narrowest screen: the largest text where it has the least room (checked on the same visit)
        const elder = vp.label === 'phone360' && elderUsers.includes(user)
        for (const url of pages) {
          await page.goto(url)
          const idle = await settle(page)
          const name = `${user} ${vp.label} ${url}`
          if (!idle) unanswered.add(`${user} ${url}`)
          await checkPhoneLayout(page, name)
          if (narrowest && idle) await checkPage(page, `layout-${user}-${url.replace(/\W+/g, '_')}`)
          if (elder) visited += await elderCheck(page, `${user} ${vp.label}`, url, idle)
          visited++
        }
        if (user === 'inst001' && vp.mobile) await extensionDialog(page, `${user} ${vp.label}`, elder ? checkElderMode : undefined)
        await page.context().close()
        sessions++
      }
    }
    // 长辈版 on a desktop too, for the roles that work at one
    for (const user of only(elderDesktopUsers, 'LAYOUT_USERS')) {
      const vp = VIEWPORTS.find((v) => v.label === 'desktop')
      const page = await newPage(browser, { mobile: false })
      await page.setViewportSize(vp.size)
      await serveFixture(page)
      await signIn(page, user)
      visited += await elderPass(page, user, vp.label, await pagesOf(page))
      await page.context().close()
      sessions++
    }
  } finally {
    console.log(`layout: ${sessions} sign-ins (role × screen), ${visited} page views checked`)
    if (unanswered.size) console.log(`the API did not answer within 10 s on (checked while loading, no axe): ${[...unanswered].join(', ')}`)
  }
}

/** 长辈版 switched on for the page on screen: its sizes, and axe as it looks then */
async function elderCheck(page, who, url, idle) {
  await checkElderMode(page, `${who} ${url}`)
  if (idle) {
    await page.evaluate(() => document.documentElement.classList.add('elder-mode'))
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))))
    await checkPage(page, `elder-${who.replace(' ', '-')}-${url.replace(/\W+/g, '_')}`)
    await page.evaluate(() => document.documentElement.classList.remove('elder-mode'))
  }
  return 1
}

/** 长辈版 switched on, every page: its sizes, and axe as it looks then (larger text, other wrapping, the same colours) */
async function elderPass(page, user, label, pages) {
  await page.evaluate(() => localStorage.setItem('elderMode', 'on'))
  for (const url of pages) {
    await page.goto(url)
    const idle = await settle(page)
    await checkElderMode(page, `${user} ${label} ${url}`)
    if (idle) await checkPage(page, `elder-${user}-${label}-${url.replace(/\W+/g, '_')}`)
  }
  if (user === 'inst001' && label !== 'desktop') await extensionDialog(page, `${user} ${label}`, checkElderMode)
  return pages.length
}

async function run() {
  const browser = await launch()
  try {
    await layoutJourney(browser, VIEWPORTS.map((v) => v.label))
  } catch (e) {
    problem(`layout run stopped: ${e.message.split('\n')[0]}`)
  } finally {
    await browser.close()
    finish()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
