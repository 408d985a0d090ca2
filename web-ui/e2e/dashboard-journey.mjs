// The journey of issue 19 in a real browser against a running platform (embedded defaults, demo county): the county
// section imports the same 《清单》 twice — the second upload creates nothing and says so row by row; a whistleblower
// reports an institution that is not in the register and the county section finds the verification in its inbox; the
// ledger is searched by township and keyword; and for a leader and the county section every dashboard card is clicked:
// its figure is the total of the list it opens. Every page visited is screenshotted and checked with axe-core.
//
// Exported for a runner of journeys; on its own: BASE_URL=http://localhost:8090 node e2e/dashboard-journey.mjs
if (import.meta.url === `file://${process.argv[1]}`) process.env.BASE_URL ||= 'http://localhost:8090'
const { launch, newPage, checkPage, signIn, choose, expect, problem, finish } = await import('./browser.mjs')

// what this run imports and reports, told apart from every earlier run against the same platform
const MARK = `看板核对${Date.now().toString(36)}`
const UNREGISTERED = `阳光托老所${MARK.slice(-4)}`
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export async function dashboardJourney(browser) {
  const today = await platformToday(browser)
  const codes = await importTheSameListTwice(browser, today)
  await reportAnInstitutionNotInTheRegister(browser)
  await searchTheLedgerByTownshipAndKeyword(browser, codes)
  for (const user of ['leader', 'fuli']) {
    await everyCardOpensAListOfItsFigure(browser, user)
  }
  await dashboardOnAPhone(browser)
}

/** the platform's today (the browser's clock may differ, or the platform be tried on another day) */
async function platformToday(browser) {
  const page = await newPage(browser)
  const config = await (await page.request.get('/api/ui-config')).json()
  await page.context().close()
  return config.today
}

async function importTheSameListTwice(browser, today) {
  const page = await newPage(browser)
  await signIn(page, 'fuli')
  const list = workbook([
    ['城关镇敬老院', `${MARK}：厨房燃气管道老化`, '厨房', 'GEN-FIRE', '部门检查', today, '否', '否', ''],
    ['东山镇敬老院', `${MARK}：配电箱未上锁`, '一楼', 'GEN-ELECTRICAL', '部门检查', today, '是', '否', ''],
    ['康宁颐养院', `${MARK}：安全出口指示灯损坏`, '二楼', 'GEN-FIRE', '督导检查', today, '', '', ''],
    ['康宁颐养院', `${MARK}：灭火器过期`, '三楼', 'GEN-FIRE', '机构自查', '2026/13/01', '', '', ''],
  ])
  await page.goto('/reports')
  await page.getByRole('tab', { name: '《重大事故隐患清单》' }).click()

  const first = await upload(page, list)
  expect(first.created === 3 && first.skipped === 0 && first.refused === 1,
    `the first import creates the three good rows and refuses the bad one (got ${JSON.stringify(first)})`)
  const refusal = await page.locator('.import-result .el-table__row', { hasText: '未导入' }).innerText()
  expect(refusal.includes('第6行「发现日期」应为日期，如 ') && !refusal.includes('yyyy'),
    `the refused row names its row and column in Chinese with a date as 2026-12-01 (got ${refusal})`)
  const links = page.locator('.import-result a[href^="/hazards/"]')
  expect((await links.count()) === 3, 'the result links to each imported hazard')
  const codes = await links.allInnerTexts()
  await checkPage(page, '50-import-first')

  const second = await upload(page, list)
  expect(second.created === 0 && second.skipped === 3 && second.refused === 1,
    `the same file again creates nothing and says the rows are there already (got ${JSON.stringify(second)})`)
  expect((await page.locator('.import-result .el-table__row', { hasText: '已存在，未重复导入' }).count()) === 3,
    'each repeated row says 已存在，未重复导入')
  expect((await page.locator('.import-result a[href^="/hazards/"]').allInnerTexts()).join() === codes.join(),
    'the repeated rows link to the hazards of the first import')
  await checkPage(page, '51-import-second')
  // the result stays (it is no toast): still there a while later
  await page.waitForTimeout(3500)
  expect(await page.locator('.import-result').isVisible(), 'the import result stays on the page')
  const counted = await page.request.get(`/api/hazards?keyword=${encodeURIComponent(MARK)}&size=1`)
  expect((await counted.json()).total === 3, 'the ledger holds each imported hazard once')
  await graded(page)
  await page.context().close()
  return codes
}

async function upload(page, buffer) {
  const before = await page.locator('.import-result').count() ? await page.locator('.import-result').innerText() : ''
  await page.setInputFiles('#import-file', { name: `清单${MARK}.xlsx`, mimeType: XLSX, buffer })
  const result = page.locator('.import-result')
  await result.waitFor()
  await page.waitForFunction((old) => {
    const box = document.querySelector('.import-result')
    return box && box.innerText !== old
  }, before)
  const summary = /新导入 (\d+) 条，已存在未重复导入 (\d+) 条，未导入 (\d+) 条/.exec(await result.innerText())
  return summary ? { created: Number(summary[1]), skipped: Number(summary[2]), refused: Number(summary[3]) } : {}
}

/** the imported hazards graded (their loops started), so that no figure moves while cards and lists are compared */
async function graded(page) {
  for (let i = 0; i < 60; i++) {
    const counts = await (await page.request.get(`/api/hazards/counts?keyword=${encodeURIComponent(MARK)}`)).json()
    if (counts.byGrade.reduce((sum, g) => sum + g.count, 0) === counts.total) return
    await page.waitForTimeout(500)
  }
  problem('the imported hazards were not graded within 30 s')
}

async function reportAnInstitutionNotInTheRegister(browser) {
  const page = await newPage(browser, { mobile: true }) // a relative, on a phone
  await page.goto('/whistleblower')
  await page.getByRole('button', { name: /找不到机构/ }).click()
  await page.fill('#wb-institution-name', UNREGISTERED)
  await choose(page, '#wb-township', '城关镇')
  await page.fill('#wb-address', '城关镇东门外菜市场二楼')
  await page.fill('#wb-description', '楼道里堆满杂物，老人出入困难，晚上没有人值班')
  await page.locator('label.el-radio', { hasText: '服务对象或家属' }).click()
  await checkPage(page, '52-whistleblower-unregistered')
  await page.click('button[type=submit]')
  const code = page.locator('#wb-code')
  await code.waitFor()
  const size = await code.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(/^([A-Z2-9]{4}-){2}[A-Z2-9]{4}$/.test((await code.innerText()).replace(/\s+/g, '')) && size >= 24, `the tracking code is shown large (${size}px)`)
  expect((await page.locator('.keep-note').innerText()).includes('保存'), 'the receipt says to keep the code')
  await page.getByRole('button', { name: '复制查询码' }).click()
  await page.locator('.copy-note').waitFor()
  await checkPage(page, '53-whistleblower-receipt-copy')
  await page.context().close()

  // the county section: the report in 举报线索 by its township, the verification in its inbox
  const staff = await newPage(browser)
  await signIn(staff, 'fuli')
  await staff.goto('/whistleblower-reports')
  const row = staff.locator('.el-table__row', { hasText: UNREGISTERED })
  await row.waitFor()
  expect((await row.innerText()).includes('未在册') && (await row.innerText()).includes('城关镇'),
    'the report shows the institution as not in the register, with its township')
  const task = staff.locator('.inbox-item', { hasText: UNREGISTERED })
  for (let i = 0; i < 30; i++) { // the triage opens the task within moments
    await staff.goto(`/?q=${encodeURIComponent(UNREGISTERED.slice(0, 6))}`)
    await staff.waitForLoadState('networkidle')
    if (await task.count()) break
    await staff.waitForTimeout(500)
  }
  expect((await task.count()) === 1 && (await task.innerText()).includes('举报核查'), 'the county section has the verification task')
  if (await task.count()) {
    await task.locator('a').first().click()
    await staff.waitForURL('**/tasks/*')
    await staff.locator('label.el-radio', { hasText: '情况属实' }).click()
    expect(await staff.locator('#field-institutionId').count() === 1, 'a report not in the register asks for the registered institution to file against')
    await checkPage(staff, '54-whistleblower-verification-unregistered')
  }
  await staff.context().close()
}

async function searchTheLedgerByTownshipAndKeyword(browser, codes) {
  const page = await newPage(browser)
  await signIn(page, 'fuli')
  await page.goto('/hazards')
  await page.fill('#f-keyword', MARK)
  await page.click('.search-form button[type=submit]')
  expect(await listTotal(page) === 3, 'the keyword finds the three imported hazards')
  await choose(page, '#f-township', '城关镇')
  await page.click('.search-form button[type=submit]')
  expect(await listTotal(page) === 2, 'with the township 城关镇: its two')
  await checkPage(page, '55-ledger-township-keyword')
  await choose(page, '#f-township', '东山镇')
  await page.click('.search-form button[type=submit]')
  expect(await listTotal(page) === 1, 'with the township 东山镇: its one')
  // the keyword as an address carries it (the dashboard's links do the same with their filters)
  await page.goto(`/hazards?keyword=${encodeURIComponent(codes[0].toLowerCase())}`)
  expect(await listTotal(page) === 1, 'the keyword finds a hazard by its code, in any case')
  await page.context().close()

  // a township officer is offered no other township
  const township = await newPage(browser)
  await signIn(township, 'town1')
  await township.goto('/hazards')
  await township.waitForLoadState('networkidle')
  expect(await township.locator('#f-township').count() === 0, 'one township\'s officer gets no township select')
  await township.context().close()
}

/** the total a list page shows: 共 N 条 of its pagination, or of the list itself where it has no pages */
async function listTotal(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForSelector('.el-loading-mask', { state: 'detached', timeout: 10000 }).catch(() => {})
  const total = page.locator('.el-pagination__total, .list-total').first()
  await total.waitFor()
  return Number(/(\d+)/.exec(await total.innerText())?.[1])
}

async function cards(page) {
  await page.goto('/dashboard')
  await page.waitForFunction(() => {
    const values = [...document.querySelectorAll('.figure-card .value')].map((v) => v.textContent.trim())
    return values.length >= 9 && !values.includes('…')
  })
  return page.locator('.figure-card').evaluateAll((all) => all.map((card) => ({
    label: card.querySelector('.label').textContent.trim(),
    value: card.querySelector('.value').textContent.trim(),
    note: card.querySelector('.note')?.textContent.trim() ?? '',
  })))
}

async function everyCardOpensAListOfItsFigure(browser, user) {
  const page = await newPage(browser)
  await signIn(page, user)
  const shown = await cards(page)
  expect(shown.length === 10, `${user}: the dashboard shows its ten cards (got ${shown.map((c) => c.label)})`)
  expect(Number(shown.find((c) => c.label === '举报线索')?.value) >= 1, `${user}: 举报线索 counts the report still waiting`)
  await page.waitForSelector('.chart canvas')
  await checkPage(page, user === 'leader' ? '56-dashboard-leader' : '57-dashboard-county-section')
  for (const card of shown) {
    if (card !== shown[0]) await cards(page)
    // 整改率 is a rate: it opens the hazards found, the denominator written under it
    const expected = card.label === '整改率' ? Number(/排查 (\d+)/.exec(card.note)?.[1]) : Number(card.value)
    const from = page.url()
    await page.locator('.figure-card', { has: page.locator('.label', { hasText: new RegExp(`^${card.label}$`) }) }).click()
    await page.waitForURL((url) => url.href !== from)
    const total = await listTotal(page)
    expect(total === expected, `${user}: the card ${card.label} shows ${card.value}${card.note ? `（${card.note}）` : ''} and opens a list of ${total}`)
  }
  await page.context().close()
}

async function dashboardOnAPhone(browser) {
  const page = await newPage(browser, { mobile: true })
  await signIn(page, 'leader')
  await cards(page)
  await page.waitForSelector('.chart canvas')
  await checkPage(page, '58-dashboard-leader-mobile')
  await page.context().close()
}

// --- a 《清单》 as the template's users fill it: the sheet 隐患清单, a title row, the header row, then the rows -------

const HEADER = ['机构名称*', '隐患描述*', '隐患部位', '判定依据编号*', '发现方式*', '发现日期*', '是否危及服务对象', '是否立查立改', '现场整改情况']

function workbook(rows) {
  const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  const cell = (ref, text) => (text === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`)
  const row = (n, cells) => `<row r="${n}">${cells.map((text, c) => cell(`${String.fromCharCode(65 + c)}${n}`, text)).join('')}</row>`
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${
  [row(1, ['隐患清单导入模板']), row(2, HEADER), ...rows.map((r, i) => row(3 + i, r))].join('')}</sheetData></worksheet>`
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="隐患清单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheet,
  })
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** a zip of the files as they are (stored, not compressed): all an .xlsx needs */
function zip(files) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8')
    const fileName = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, data)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch()
  try {
    await dashboardJourney(browser)
  } catch (e) {
    problem(`dashboard journey: ${e.message.split('\n')[0]}`)
  } finally {
    await browser.close()
    finish()
  }
}
