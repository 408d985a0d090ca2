// Issue 19 (point 4): a bureau section (fuli), not an engineer, runs a campaign from the UI alone. It picks last year's
// five-phase template — every date of it has passed, whatever today is — sees the past dates flagged at their rows,
// moves the whole schedule to start today, narrows the institution types (the server's refusal of none shows at the
// field), creates it; reschedules a planned phase, closes the running one early, reminds (催办) those who have not
// signed the notice, checks the page on a phone, and cancels the campaign. Every date derives from isoDate(n).
// Run alone: BASE_URL=http://localhost:8080 node e2e/campaign-journey.mjs
import path from 'node:path'
import { launch, newPage, signIn, checkPage, expect, problem, finish, isoDate, SCREENSHOTS } from './browser.mjs'

// the 绩溪 template's phases start on 05-01, 05-16, 07-01, 09-01 and 11-01: moved to start today, they start these
// many days from now (May to December have the same lengths every year)
const TEMPLATE_STARTS = [0, 15, 61, 123, 184]
const NAME = `浏览器测试专项行动 ${Date.now()}`

export async function campaignJourney(browser) {
  const page = await newPage(browser)
  try {
    await signIn(page, 'fuli')
    await createCampaign(page)
    const url = page.url()
    await reschedulePlannedPhase(page)
    await closeRunningPhase(page)
    await remindNonSubmitters(page)
    await reminderReachesTheOwner(browser, page, url.split('/').pop())
    await onAPhone(browser, url)
    await cancelCampaign(page)
  } catch (e) {
    await page.screenshot({ path: path.join(SCREENSHOTS, 'failed-campaign-journey.png'), fullPage: true })
    throw e
  } finally {
    await page.context().close()
  }
}

async function createCampaign(page) {
  await page.goto('/campaigns')
  await page.getByRole('button', { name: '发起专项行动' }).click()
  await page.locator('#phase-4-starts').waitFor()
  // last year's template: all its dates are past, flagged at their rows before anything is sent
  const lastYear = Number(isoDate(0).slice(0, 4)) - 1
  await page.fill('#plan-year', String(lastYear))
  await page.press('#plan-year', 'Tab')
  await page.waitForFunction((y) => document.querySelector('#plan-name')?.value.startsWith(String(y)), lastYear)
  const flags = page.locator('.plan-phases .field-error', { hasText: '开始日期已过，请改为今天或以后' })
  await flags.first().waitFor()
  expect(await flags.count() === 5, `each of the five phases flags its past start (got ${await flags.count()})`)
  await check(page, '40-campaign-plan-past-dates')
  await fitIntoTheYear(page, lastYear)

  await page.getByRole('button', { name: '整体顺延到今天开始' }).click()
  expect(await page.locator('.campaign-plan .field-error').count() === 0, 'no date is flagged once the schedule starts today')
  for (const [i, days] of TEMPLATE_STARTS.entries()) {
    const value = await page.inputValue(`#phase-${i}-starts`)
    expect(value === isoDate(days), `phase ${i + 1} starts on ${isoDate(days)} after the move (got ${value})`)
  }
  await page.fill('#plan-name', NAME)

  // no institution type: the server's message appears at the field
  for (const type of ['养老机构', '儿童福利机构', '未成年人救助保护机构', '救助管理机构', '殡葬服务机构', '婚姻登记机构']) {
    await page.locator('.campaign-plan .el-checkbox', { hasText: type }).click()
  }
  await submitPlan(page)
  const typesError = page.locator('.el-form-item', { hasText: '机构类型' }).locator('.el-form-item__error')
  await typesError.waitFor()
  expect((await typesError.innerText()).includes('机构类型不能为空'), 'the refusal of no institution type is shown at the field')
  await check(page, '41-campaign-plan-field-error')

  for (const type of ['养老机构', '儿童福利机构']) await page.locator('.campaign-plan .el-checkbox', { hasText: type }).click()
  await submitPlan(page)
  await page.waitForURL(/\/campaigns\/\d+$/)
  // the first phase starts today: the engine opens it a moment later and the page shows it as the current phase
  await page.locator('.current-phase .current-name', { hasText: '动员部署' }).waitFor({ timeout: 30000 })
  expect((await page.locator('.campaign-name').innerText()) === NAME, 'the new campaign\'s page opens')
  await check(page, '42-campaign-created')
}

/**
 * The past template squeezed into what is left of this year: every phase between today and 12-31, in order, nothing
 * flagged. In the last days of December there is no room for five phases and the offer is not made. The template is
 * then loaded afresh for the rest of the journey.
 */
async function fitIntoTheYear(page, lastYear) {
  const yearEnd = `${lastYear + 1}-12-31`
  const fit = page.getByRole('button', { name: `按比例压缩到 ${lastYear + 1} 年底前完成` }).first()
  const room = Math.round((Date.parse(`${yearEnd}T00:00:00Z`) - Date.parse(`${isoDate(0)}T00:00:00Z`)) / 86400000) + 1
  if (room < 10) {
    expect(await fit.count() === 0, `with ${room} days left in the year, five phases are not squeezed into it`)
    return
  }
  await fit.click()
  const dates = []
  for (let i = 0; i < 5; i++) dates.push(await page.inputValue(`#phase-${i}-starts`), await page.inputValue(`#phase-${i}-ends`))
  expect(dates[0] === isoDate(0) && dates.every((d, i) => d <= yearEnd && (i === 0 || d >= dates[i - 1])),
    `the squeezed schedule runs from today to the year's end, in order (got ${dates.join(' ')})`)
  expect(await page.locator('.campaign-plan .field-error').count() === 0, 'nothing is flagged in the squeezed schedule')
  await check(page, '40b-campaign-plan-fitted')
  // the template afresh: another year, then last year's again
  for (const y of [lastYear + 1, lastYear]) {
    await page.fill('#plan-year', String(y))
    await page.press('#plan-year', 'Tab')
    await page.waitForFunction((v) => document.querySelector('#plan-name')?.value.startsWith(String(v)), y)
  }
  await page.locator('.plan-phases .field-error').first().waitFor()
}

async function submitPlan(page) {
  await page.locator('.plan-actions').getByRole('button', { name: '发起专项行动' }).click()
  await messageBoxButton(page, '确定发起').click()
}

function phaseRow(page, name) {
  return page.locator('.phase-summary .el-table__row', { hasText: name })
}

async function reschedulePlannedPhase(page) {
  const row = phaseRow(page, '机构自查整改')
  await row.getByRole('button', { name: '调整日期' }).click()
  // typed and confirmed with Enter (an Escape here would close the dialog, not just the calendar)
  await page.fill('#reschedule-starts', isoDate(20))
  await page.press('#reschedule-starts', 'Enter')
  // lengthened into the next phase: the later phases are offered to follow, with their new dates
  await page.fill('#reschedule-ends', isoDate(80))
  await page.press('#reschedule-ends', 'Enter')
  expect(await page.locator('#reschedule-follow').isChecked(), 'a phase running into the next offers the later phases to follow')
  expect((await page.locator('.el-dialog .follow-list').innerText()).includes('部门检查'), 'the later phases\' new dates are listed')
  await page.fill('#reschedule-ends', isoDate(55))
  await page.press('#reschedule-ends', 'Enter')
  // shortened: the gap it leaves before the next phase is said
  expect((await page.locator('.el-dialog .el-alert').innerText()).includes('空出'), 'the gap a shorter phase leaves is said')
  await page.fill('#reschedule-reason', '给机构多留几天准备自查')
  expect((await page.locator('.el-dialog .what-happens').innerText()).includes(`${isoDate(20)} 至 ${isoDate(55)}`),
    'the dialog says what the new dates will be before saving')
  await page.locator('.el-dialog:visible').getByRole('button', { name: '保存' }).click()
  await successMessage(page, '已调整')
  await row.filter({ hasText: isoDate(20) }).filter({ hasText: isoDate(55) }).waitFor()
  await check(page, '43-phase-rescheduled')
}

async function closeRunningPhase(page) {
  await page.locator('.current-phase').getByRole('button', { name: '提前结束' }).click()
  await page.fill('#close-phase-reason', '通知已全部送达，提前转入自查')
  await page.locator('.el-dialog:visible').getByRole('button', { name: '提前结束' }).click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  expect((await box.innerText()).includes('不能撤回'), 'the confirmation says the step cannot be undone')
  await messageBoxButton(page, '确定提前结束').click()
  await successMessage(page, '已提前结束')
  // no phase runs now; the next one is announced with its date, never shown as the current phase
  await page.locator('.current-phase', { hasText: '目前没有进行中的阶段' }).waitFor({ timeout: 30000 })
  expect((await page.locator('.current-phase').innerText()).includes(`下一阶段「机构自查整改」将于 ${isoDate(20)} 开始`),
    'the current-phase panel names the next phase and its start')
  expect((await phaseRow(page, '动员部署').innerText()).includes('已结束'), 'the closed phase shows 已结束')
  await check(page, '44-phase-closed-early')
}

async function remindNonSubmitters(page) {
  await phaseRow(page, '动员部署').getByRole('button', { name: '查看未报' }).click()
  await page.locator('#outstanding-title', { hasText: '动员部署' }).waitFor()
  const rows = page.locator('.outstanding-table .el-table__body-wrapper .el-table__row')
  await rows.first().waitFor()
  const listed = await rows.count()
  expect(listed > 0, 'the institutions that have not signed the notice are listed')
  await check(page, '45-outstanding')

  await page.getByRole('button', { name: `催办全部（${listed}）` }).click()
  await page.locator('.el-message-box input').fill('请尽快签收行动通知')
  await messageBoxButton(page, '发送催办').click()
  const reminded = Number(/已催办 (\d+) 个单位/.exec(await successMessage(page, '已催办'))?.[1])
  expect(reminded === listed, `the success message counts the ${listed} rows listed (got ${reminded})`)
  await rows.first().filter({ hasText: '1 次' }).waitFor()
  await check(page, '46-reminded')

  // two ticked rows: reminded a second time
  for (const i of [0, 1]) await rows.nth(i).locator('.el-checkbox').click()
  await page.getByRole('button', { name: '催办所选（2）' }).click()
  await messageBoxButton(page, '发送催办').click()
  const second = await successMessage(page, '已催办 2 个单位')
  expect(second.includes('已催办 2 个单位'), `the ticked rows alone are reminded (got ${second})`)
  await rows.first().filter({ hasText: '2 次' }).waitFor()
}

/** the reminded institution finds it in its inbox: the task marked 已催办 with the words of the 催办 */
async function reminderReachesTheOwner(browser, page, id) {
  const campaign = await (await page.request.get(`/api/campaigns/${id}`)).json()
  const slot = `P${campaign.phases.find((p) => p.name === '动员部署')?.ordinal ?? 1}`
  const owed = await (await page.request.get(`/api/campaigns/${id}/outstanding?slot=${slot}`)).json()
  // one reminded once (the two ticked first were reminded again, without words): its task shows the words typed
  const institution = owed.find((o) => o.institutionId && o.remindedCount === 1)
  if (!institution) {
    problem('the 动员部署 phase owes no institution a notice: the reminder cannot be followed to an inbox')
    return
  }
  const owner = await newPage(browser, { mobile: true })
  try {
    await signIn(owner, `inst${String(institution.institutionId).padStart(3, '0')}`)
    const item = owner.locator('.inbox-item', { hasText: '已催办' }).first()
    await item.waitFor()
    await item.locator('a').click()
    await owner.locator('.el-alert', { hasText: '已被催办' }).waitFor()
    expect((await owner.locator('.el-alert', { hasText: '已被催办' }).innerText()).includes('请尽快签收行动通知'),
      'the owner reads the words of the 催办 on the task')
    const notice = await owner.locator('.panel', { has: owner.locator('h2', { hasText: '行动通知' }) }).innerText()
    expect(notice.includes('工作安排') && notice.includes('动员部署') && notice.includes('本单位要完成'),
      'the notice signed for is shown: the phases with their dates and what the institution owes')
    await checkPage(owner, '46b-reminded-owner-mobile')
    await signByKeyboard(owner)
  } finally {
    await owner.context().close()
  }
}

/** the notice signed with the keyboard alone: Tab to the field, type, Tab to 提交, Enter, Enter on the confirmation */
async function signByKeyboard(page) {
  const tabTo = async (test, what) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab')
      const hit = await page.evaluate(test)
      if (hit) return true
    }
    problem(`${what} is not reached by Tab`)
    return false
  }
  if (!(await tabTo(() => document.activeElement?.id === 'field-signedBy', 'the 签收人 field'))) return
  const visible = await page.evaluate(() => {
    const box = document.activeElement.closest('.el-input__wrapper') || document.activeElement
    const st = getComputedStyle(box)
    return st.outlineStyle !== 'none' || st.boxShadow !== 'none'
  })
  expect(visible, 'the focused field shows its focus')
  await page.keyboard.type('李建国')
  if (!(await tabTo(() => document.activeElement?.getAttribute('type') === 'submit', 'the 提交 button'))) return
  await page.keyboard.press('Enter')
  await page.locator('.el-message-box').waitFor()
  if (!(await page.evaluate(() => document.activeElement?.innerText?.includes('确认提交')))) {
    if (!(await tabTo(() => document.activeElement?.innerText?.includes('确认提交'), 'the confirmation\'s 确认提交'))) return
  }
  await page.keyboard.press('Enter')
  await page.waitForURL((u) => u.pathname === '/')
}

async function onAPhone(browser, url) {
  const phone = await newPage(browser, { mobile: true })
  try {
    await signIn(phone, 'fuli')
    await phone.goto(url)
    await phone.locator('.current-phase').waitFor()
    await phone.locator('.outstanding-table').waitFor()
    await check(phone, '47-campaign-mobile')
    // against the phone's width, not innerWidth: a mobile viewport widens to whatever overflows it
    const width = phone.viewportSize().width
    const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth <= width, `the campaign page does not overflow a phone's width (${scrollWidth} > ${width})`)
  } finally {
    await phone.context().close()
  }
}

async function cancelCampaign(page) {
  await page.locator('.cancel-campaign').click()
  await page.fill('#cancel-campaign-reason', '上级通知合并到全市统一行动')
  await page.locator('.el-dialog:visible').getByRole('button', { name: '撤销行动' }).click()
  expect((await page.locator('.el-message-box').innerText()).includes('待办中撤回'), 'the confirmation says open work is withdrawn')
  await messageBoxButton(page, '确定撤销行动').click()
  await successMessage(page, '专项行动已撤销')
  await page.locator('.campaign-status', { hasText: '已撤销' }).waitFor()
  expect((await page.locator('.el-alert', { hasText: '本行动已撤销' }).innerText()).includes('上级通知合并到全市统一行动'),
    'the page shows the campaign cancelled, with the reason')
  expect(await page.locator('.cancel-campaign').count() === 0, 'a cancelled campaign offers no 撤销行动')
  expect((await page.locator('.current-phase').innerText()).includes('本行动已撤销'), 'no phase is shown as running')
  await check(page, '48-campaign-cancelled')
}

/** checkPage, and no code shows through: no camelCase field name or ENUM_NAME in the page's text */
async function check(page, name) {
  await checkPage(page, name)
  const codes = (await page.locator('#main').innerText()).match(/\b[a-z]+[A-Z]\w*\b|\b[A-Z]+_[A-Z_]+\b/g)
  expect(!codes, `${name}: the page shows codes (${codes})`)
}

function messageBoxButton(page, name) {
  return page.locator('.el-message-box').getByRole('button', { name })
}

/** the text of the success toast that contains `text` */
async function successMessage(page, text) {
  const message = page.locator('.el-message--success', { hasText: text }).last()
  await message.waitFor()
  return message.innerText()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launch()
  try {
    await campaignJourney(browser)
  } catch (e) {
    problem(`campaign journey: ${e.message.split('\n')[0]}`)
  } finally {
    await browser.close()
    finish()
  }
}
