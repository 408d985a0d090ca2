// Signing in to the web UI through Keycloak (authorization code + PKCE) against a platform running with the
// keycloak profile: the sign-in page offers 统一身份认证登录, Keycloak's form signs the user in, the UI shows their
// inbox with the role of their token, and signing out ends the Keycloak session too.
// Run: BASE_URL=http://localhost:18080 node e2e/keycloak-sign-in.mjs (KeycloakBrowserSignInTest does)
import { launch, newPage, checkPage, expect, problem, finish, SCREENSHOTS } from './browser.mjs'

const browser = await launch()
let page
try {
  page = await newPage(browser)
  await page.goto('/login')
  const button = page.getByRole('button', { name: '统一身份认证登录' })
  await button.waitFor()
  expect((await page.locator('#login-password').count()) === 0, 'no local password form under Keycloak')
  await checkPage(page, 'keycloak-01-login')
  await button.click()
  await page.waitForSelector('#username') // Keycloak's own sign-in form
  expect(new URL(page.url()).pathname.startsWith('/realms/civil-safety/'), `signing in happens at the realm (${page.url()})`)
  expect(new URL(page.url()).searchParams.get('code_challenge_method') === 'S256', 'the UI uses PKCE (S256)')
  await page.fill('#username', 'town1')
  await page.fill('#password', 'demo123')
  await page.click('#kc-login')
  await page.waitForSelector('.who')
  expect((await page.locator('.who').innerText()).includes('乡镇民政办'), 'the UI shows the role of the token')
  await page.waitForSelector('.inbox-item, .inbox-empty') // 我的待办
  expect(!page.url().includes('code='), 'the authorization code is not left in the address')
  await checkPage(page, 'keycloak-02-home')
  await page.goto('/institutions')
  await page.waitForSelector('.el-table__row')
  const townships = await page.locator('.el-table__row td:nth-child(4)').allInnerTexts()
  expect(townships.length > 0 && townships.every((t) => t.includes('城关镇')), `the token's region is the data scope (${townships})`)
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.waitForURL('**/login')
  await page.goto('/hazards')
  // signed out at Keycloak too: the check on loading finds no session, the sign-in page comes back
  await page.getByRole('button', { name: '统一身份认证登录' }).waitFor()
  expect(new URL(page.url()).pathname === '/login', `after signing out a page asks to sign in again (${page.url()})`)
  await page.context().close()
} catch (e) {
  problem(`keycloak sign-in: ${e.message.split('\n')[0]} (at ${page?.url()})`)
  await page?.screenshot({ path: `${SCREENSHOTS}/keycloak-failure.png`, fullPage: true }).catch(() => {})
} finally {
  await browser.close()
  finish()
}
