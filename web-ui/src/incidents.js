// An incident as an administrator reads it: the engine's own error types in Chinese, a missing variable named.

export const ENGINE_ERRORS = {
  EXTRACT_VALUE_ERROR: '表达式取值失败（变量缺失或类型不符）', CONDITION_ERROR: '没有满足条件的分支',
  IO_MAPPING_ERROR: '变量映射失败', CALLED_DECISION_ERROR: '决策不存在', DECISION_EVALUATION_ERROR: '决策计算失败',
  CALLED_ELEMENT_ERROR: '子流程不存在', UNHANDLED_ERROR_EVENT: '错误未被处理', MESSAGE_SIZE_EXCEEDED: '变量过大',
}

/** what went wrong, in words: a step's own error as reported, an engine error by its kind or the variable missing */
export function explain(row) {
  if (!row.engineRaised) return row.error
  const missing = [...new Set([...String(row.error).matchAll(/No variable found with name '([^']+)'/g)].map((m) => m[1]))]
  if (missing.length) return `缺少变量：${missing.join('、')}。可点「修改变量」补上，再重试`
  return `${ENGINE_ERRORS[row.jobType] || '流程引擎无法继续'}（鼠标停在此处可看引擎原文）`
}
