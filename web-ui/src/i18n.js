// Chinese by default; English where it is cheap (menus, headings, common buttons). Forms and domain terms stay
// Chinese: they are the words of the official forms.
import { ref } from 'vue'

const messages = {
  zh: {
    appName: '民政服务机构安全监管平台', home: '我的待办', dashboard: '数据看板', institutions: '机构管理',
    hazards: '隐患台账', reportHazard: '上报隐患', campaigns: '专项行动', reports: '报表中心',
    whistleblower: '安全吹哨人', processModels: '流程模型', processMonitor: '流程监控', processInstances: '流程实例', operationLog: '操作日志', incidents: '流程故障', signOut: '退出登录', signIn: '登录', elderMode: '长辈版', language: 'English',
    notifications: '消息', unread: '条未读', notificationFailures: '通知发送失败',
    maintenanceNotice: '系统将于 {time} 进行例行维护重启，届时约 1 分钟无法访问，重启后需重新登录。请提前提交或保存正在填写的内容。',
    skip: '跳到主要内容', mainMenu: '主菜单', search: '查询', reset: '重置', export: '导出', submit: '提交', back: '返回',
  },
  en: {
    appName: 'Civil Affairs Institution Safety Platform', home: 'My tasks', dashboard: 'Dashboard',
    institutions: 'Institutions', hazards: 'Hazard ledger', reportHazard: 'Report a hazard', campaigns: 'Campaigns',
    reports: 'Reports', whistleblower: 'Whistleblower', processModels: 'Process models', processMonitor: 'Process monitor', processInstances: 'Process instances', operationLog: 'Operation log', incidents: 'Incidents', signOut: 'Sign out', signIn: 'Sign in',
    notifications: 'Messages', unread: 'unread', notificationFailures: 'Failed notifications',
    elderMode: 'Large text', language: '中文', skip: 'Skip to main content', mainMenu: 'Main menu', search: 'Search', reset: 'Reset',
    export: 'Export', submit: 'Submit', back: 'Back',
    maintenanceNotice: 'The platform restarts for routine maintenance at {time} (China time) and is unavailable for about a minute; sign in again afterwards. Submit or save what you are filling in before then.',
  },
}

export const locale = ref(localStorage.getItem('locale') === 'en' ? 'en' : 'zh')

export function t(key) {
  return messages[locale.value][key] ?? messages.zh[key] ?? key
}

// the page's language follows the choice from the first load on: screen readers pick their voice by it
const setLang = () => (document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en')
setLang()

export function toggleLocale() {
  locale.value = locale.value === 'zh' ? 'en' : 'zh'
  localStorage.setItem('locale', locale.value)
  setLang()
}
