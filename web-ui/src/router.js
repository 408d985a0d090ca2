import { nextTick } from 'vue'
import { createRouter, createWebHistory, START_LOCATION } from 'vue-router'
import { auth } from './api/auth.js'
import { ALL, REGIONAL, BUREAU, SUPERVISORS } from './roles.js'

// Every page is its own chunk: the first page loads only what it shows (the BPMN viewer, ECharts stay out of it).
const routes = [
  { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true, title: '登录' } },
  { path: '/whistleblower', component: () => import('./pages/WhistleblowerPage.vue'), meta: { public: true, title: '安全吹哨人举报' } },
  { path: '/whistleblower/status', component: () => import('./pages/WhistleblowerStatusPage.vue'), meta: { public: true, title: '举报进度查询' } },
  { path: '/', component: () => import('./pages/HomePage.vue'), meta: { roles: ALL, title: '我的待办' } },
  { path: '/tasks/:id', component: () => import('./pages/TaskPage.vue'), meta: { roles: ALL, title: '办理任务' } },
  { path: '/dashboard', component: () => import('./pages/DashboardPage.vue'), meta: { roles: REGIONAL, title: '数据看板', queryInPlace: true } },
  { path: '/institutions', component: () => import('./pages/InstitutionsPage.vue'), meta: { roles: ALL, title: '机构管理' } },
  { path: '/institutions/:id', component: () => import('./pages/InstitutionDetailPage.vue'), meta: { roles: ALL, title: '机构详情' } },
  { path: '/institutions/:id/poster', component: () => import('./pages/InstitutionPosterPage.vue'), meta: { roles: ALL, title: '一院一码海报', print: true } },
  { path: '/hazards', component: () => import('./pages/HazardsPage.vue'), meta: { roles: ALL, title: '隐患台账' } },
  { path: '/hazards/new', component: () => import('./pages/HazardReportPage.vue'), meta: { roles: ALL, title: '上报隐患' } },
  { path: '/hazards/:id', component: () => import('./pages/HazardDetailPage.vue'), meta: { roles: ALL, title: '隐患详情' } },
  { path: '/campaigns', component: () => import('./pages/CampaignsPage.vue'), meta: { roles: ALL, title: '专项行动' } },
  { path: '/campaigns/:id', component: () => import('./pages/CampaignDetailPage.vue'), meta: { roles: ALL, title: '行动进度' } },
  { path: '/reports', component: () => import('./pages/ReportsPage.vue'), meta: { roles: REGIONAL, title: '报表中心' } },
  { path: '/process-models', component: () => import('./pages/ProcessModelerPage.vue'), meta: { roles: BUREAU, title: '流程模型' } },
  { path: '/process-monitor', component: () => import('./pages/ProcessMonitorPage.vue'), meta: { roles: SUPERVISORS, title: '流程监控' } },
  { path: '/process-instances', component: () => import('./pages/ProcessInstancesPage.vue'), meta: { roles: SUPERVISORS, title: '流程实例', queryInPlace: true } },
  { path: '/process-instances/:key(\\d+)', component: () => import('./pages/ProcessInstancePage.vue'), meta: { roles: SUPERVISORS, title: '流程实例详情' } },
  { path: '/operation-log', component: () => import('./pages/OperationLogPage.vue'), meta: { roles: ['bureau-admin'], title: '操作日志' } },
  { path: '/incidents', component: () => import('./pages/IncidentsPage.vue'), meta: { roles: ['bureau-admin'], title: '流程故障' } },
  { path: '/notifications', component: () => import('./pages/NotificationsPage.vue'), meta: { roles: ALL, title: '消息通知' } },
  { path: '/notification-failures', component: () => import('./pages/NotificationFailuresPage.vue'), meta: { roles: ['bureau-admin'], title: '通知发送失败' } },
  { path: '/whistleblower-reports', component: () => import('./pages/WhistleblowerReportsPage.vue'), meta: { roles: REGIONAL, title: '举报线索' } },
  { path: '/:pathMatch(.*)*', component: () => import('./pages/NotFoundPage.vue'), meta: { public: true, title: '页面不存在' } },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (!auth.ready) await auth.start()
  if ('code' in to.query && 'state' in to.query) {
    // back from Keycloak: keycloak-js has taken the code; keep it out of the address (and of history)
    const { code, state, session_state, iss, ...rest } = to.query // eslint-disable-line no-unused-vars
    return { path: to.path, query: rest, replace: true }
  }
  if (to.meta.public) return true
  if (!auth.me) return { path: '/login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (to.meta.roles && !auth.has(...to.meta.roles)) return { path: '/' }
  return true
})

router.afterEach((to, from, failure) => {
  document.title = `${to.meta.title} - 民政服务机构安全监管平台`
  // keyboard and screen-reader users start on the new page's heading, not at <body>. Not on the first load (Tab starts
  // at the skip link), nor when only the query changes (a search keeps the focus where it is)
  if (failure || from === START_LOCATION || to.path === from.path) return
  nextTick(() => document.querySelector('h1.page-title')?.focus())
})

