package com.civilsafety.ledger.hazard;

import com.civilsafety.ledger.criterion.HazardCategory;
import com.civilsafety.ledger.institution.InstitutionType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grading decision as it was taken for a hazard — 定级依据: the facts it was given, the rule that matched and what
 * it decided, each as the decision table labels it, in words. Recorded with the grading (the HAZARD_GRADED event), so
 * it is read the same on any engine.
 */
public record GradingDecision(Instant decidedAt, List<Fact> inputs, String rule, List<Fact> outputs) {
    public record Fact(String label, String value) {
    }

    /** the decision's inputs as the process gave them (its variables) */
    public record Inputs(Boolean criterionMajor, Boolean residentsExposed, String institutionType, String category) {
        List<Fact> facts() {
            List<Fact> facts = new ArrayList<>();
            facts.add(new Fact("判定依据为重大隐患", yesNo(criterionMajor)));
            facts.add(new Fact("服务对象暴露于风险", yesNo(residentsExposed)));
            facts.add(new Fact("机构类型", Arrays.stream(InstitutionType.values()).filter(t -> t.name().equals(institutionType))
                    .map(InstitutionType::label).findFirst().orElse(shown(institutionType))));
            facts.add(new Fact("隐患类别", Arrays.stream(HazardCategory.values()).filter(c -> c.name().equals(category))
                    .map(HazardCategory::label).findFirst().orElse(shown(category))));
            return facts;
        }
    }

    static List<Fact> outputs(Grading g) {
        return List.of(new Fact("隐患等级", g.grade() == null ? "—" : g.grade().label()),
                new Fact("整改时限", g.rectificationDays() + " 天"), new Fact("提前提醒", g.reminderLeadDays() + " 天"),
                new Fact("督办层级", g.supervisionLevel() == null ? "—" : g.supervisionLevel().label()),
                new Fact("挂牌督办", yesNo(g.listedSupervision())), new Fact("须采取紧急措施", yesNo(g.emergencyMeasures())),
                new Fact("销号后回头看", g.recheckDays() + " 天后"), new Fact("逾期后升级至领导", g.escalationDays() + " 天后"));
    }

    private static String yesNo(Boolean value) {
        return value == null ? "—" : value ? "是" : "否";
    }

    /** a value a revised table brought, shown as it came */
    private static String shown(String value) {
        return value == null ? "—" : value;
    }
}
