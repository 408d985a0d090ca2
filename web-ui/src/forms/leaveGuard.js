// Half-typed forms are not lost without a word: leaving the page (a link, the back button, closing the tab) asks first.
import { onBeforeUnmount, onMounted } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { ElMessageBox } from 'element-plus'

export function useLeaveGuard(isDirty, message = '填写的内容还没有提交，离开后将丢失。确定离开吗？', title = '尚未提交') {
  const onUnload = (e) => {
    if (!isDirty()) return
    e.preventDefault()
    e.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', onUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onUnload))
  onBeforeRouteLeave(async () => {
    if (!isDirty()) return true
    return ElMessageBox.confirm(message, title, {
      confirmButtonText: '离开', cancelButtonText: '留在本页', type: 'warning',
    }).then(() => true, () => false)
  })
}

/** asks before an irreversible step; resolves true when the person confirms */
export function confirmStep(message, title = '请确认', confirmButtonText = '确认提交') {
  return ElMessageBox.confirm(message, title, { confirmButtonText, cancelButtonText: '再看看', type: 'warning' })
    .then(() => true, () => false)
}
