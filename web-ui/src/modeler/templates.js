// The platform's element templates (processes/src/main/resources/element-templates, tested there): timers an
// administrator picks by name — 「阶段截止前 N 天」 — and sets by choosing N, so nobody writes FEEL.
import timers from '../../../processes/src/main/resources/element-templates/platform-timers.json'

export const ELEMENT_TEMPLATES = [...timers]
