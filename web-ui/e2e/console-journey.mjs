// The supervisor's console (issue 22) in a real browser: a leader on a phone finds every overdue hazard of 东山镇 waiting
// at 机构整改 and opens one to see its deadline timers and path; a section officer retries three incidents in one
// batch; an administrator corrects a variable with a reason and finds it in the 操作日志.
//
// Needs the stage app/.../ConsoleBrowserJourneysTest sets: three overdue hazards of 东山镇 at 机构整改 (one more at
// 五落实), one of 西河镇, three 检查评分演练 instances stopped at 判断是否达标 (their score since given), one waiting.
// Run: BASE_URL=http://localhost:8080 node e2e/console-journey.mjs
import { mkdirSync } from 'node:fs'
import { launch, newPage, checkPage, signIn, choose, expect, problem, finish, SCREENSHOTS } from './browser.mjs'

mkdirSync(SCREENSHOTS, { recursive: true })

async function leaderFindsOverdueHazards(browser) {
  const page = await newPage(browser, { mobile: true })
  await signIn(page, 'leader')
  await page.goto('/process-instances')
  await page.locator('.instance-list .el-table__row').first().waitFor()
  await choose(page, '#f-township', '东山镇')
  await choose(page, '#f-step', '机构整改')
  await page.locator('.el-switch', { has: page.locator('#f-overdue') }).click()
  await page.getByRole('button', { name: '查询' }).click()
  await page.waitForURL((url) => url.searchParams.get('overdue') === 'true' && url.searchParams.has('regionId'))
  await page.waitForFunction(() => document.querySelectorAll('.instance-list .el-table__body-wrapper .el-table__row').length === 3)
  const rows = page.locator('.instance-list .el-table__body-wrapper .el-table__row')
  for (let i = 0; i < 3; i++) {
    const text = await rows.nth(i).innerText()
    expect(text.includes('东山镇') && text.includes('（逾期）') && text.includes('机构整改'), `row ${i + 1} is an overdue hazard of 东山镇 at 机构整改 (got ${text})`)
  }
  await checkPage(page, '36-instances-overdue-mobile')
  // the filters are in the address: the same view again after a reload
  await page.reload()
  await page.waitForFunction(() => document.querySelectorAll('.instance-list .el-table__body-wrapper .el-table__row').length === 3)
  await rows.first().locator('a').click()
  await page.waitForURL('**/process-instances/*')
  const timers = page.locator('.instance-timers')
  await timers.waitFor()
  const timerText = await timers.innerText()
  expect(timerText.includes('逾期未改') && /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(timerText), `the deadline timers with their dates (got ${timerText})`)
  await page.locator('.djs-container svg').first().waitFor()
  expect(await page.locator('.djs-element.done').count() > 3, 'the diagram marks the path taken')
  expect(await page.locator('.djs-element.current').count() > 0, 'the diagram marks where it waits')
  expect(await page.locator('.timer-date').count() > 0, 'the diagram shows the timers\' dates')
  expect((await page.locator('.instance-timeline').innerText()).includes('逾期升级督办'), 'the ledger\'s timeline shows the escalation')
  await checkPage(page, '37-instance-detail-mobile')
  await page.context().close()
}

async function sectionRetriesABatch(browser) {
  const page = await newPage(browser)
  await signIn(page, 'fuli')
  await page.goto('/process-instances?status=incident')
  const rows = page.locator('.instance-list .el-table__body-wrapper .el-table__row', { hasText: '检查评分演练' })
  await page.waitForFunction(() => document.querySelectorAll('.instance-list .el-table__body-wrapper .el-table__row').length === 3)
  for (let i = 0; i < 3; i++) {
    expect((await rows.nth(i).innerText()).includes('判断是否达标'), 'each stopped at 判断是否达标')
  }
  // each row's checkbox, named by what the instance is about
  const boxes = page.getByRole('checkbox', { name: /^选择 检查评分演练/ })
  expect(await boxes.count() === 3, 'a checkbox per row, named by its row')
  for (let i = 0; i < 3; i++) await rows.nth(i).locator('.el-checkbox').click()
  await page.getByRole('button', { name: '批量重试故障' }).click()
  const outcome = page.locator('.el-dialog', { hasText: '已重试 3 个故障' })
  await outcome.waitFor()
  await checkPage(page, '38-batch-retry')
  await outcome.getByRole('button', { name: '知道了' }).click()
  await page.goto('/process-instances?status=completed')
  await page.waitForFunction(() => document.querySelectorAll('.instance-list .el-table__body-wrapper .el-table__row').length >= 3)
  expect(await page.locator('.instance-list .el-table__row', { hasText: '检查评分演练' }).count() === 3, 'the three ran on to their end')
  await page.context().close()
}

async function administratorCorrectsAVariable(browser) {
  const page = await newPage(browser)
  await signIn(page, 'admin')
  await page.goto('/process-instances?status=running')
  await choose(page, '#f-process', '检查评分演练')
  await page.getByRole('button', { name: '查询' }).click()
  await page.waitForFunction(() => document.querySelectorAll('.instance-list .el-table__body-wrapper .el-table__row').length === 1)
  await page.locator('.instance-list .el-table__body-wrapper .el-table__row a').first().click()
  await page.waitForURL('**/process-instances/*')
  await page.getByRole('button', { name: /流程变量/ }).click()
  await page.getByRole('button', { name: '修改变量' }).click()
  const dialog = page.locator('.el-dialog', { hasText: '查看与修改流程变量' })
  await dialog.locator('.instance-variables').waitFor()
  await dialog.getByRole('button', { name: '修改 institution' }).click()
  await page.fill('#variable-value', '演练机构四号')
  await page.fill('#variable-reason', '复核后补录机构全称')
  await dialog.getByRole('button', { name: '保存修改' }).click()
  await page.getByText('已修改「institution」').waitFor()
  await page.goto('/operation-log')
  const row = page.locator('.operation-log .el-table__row', { hasText: '复核后补录机构全称' })
  await row.waitFor()
  expect((await row.innerText()).includes('修改流程变量「institution」'), 'the operation log says what was changed and why')
  await checkPage(page, '39-operation-log')
  await page.context().close()
}

const browser = await launch()
try {
  for (const [name, journey] of [['a leader finds overdue hazards', leaderFindsOverdueHazards],
    ['a section officer retries a batch', sectionRetriesABatch], ['an administrator corrects a variable', administratorCorrectsAVariable]]) {
    console.log(`--- ${name}`)
    try {
      await journey(browser)
    } catch (e) {
      problem(`${name}: ${e.message.split('\n')[0]}`)
    }
  }
} finally {
  await browser.close()
  finish()
}
