package com.civilsafety.api.security;

import com.civilsafety.ledger.access.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Which roles may call which endpoint, checked before anything else (a caller without the role gets 403 before any
 * validation or lookup); a method or path that has no rule here is refused (deny by default). The records a caller may see within an endpoint are narrowed by the ledger's data scope (the
 * region subtree, or the institution). Every endpoint must have a rule here: the authorization matrix test fails for
 * one without.
 */
public final class EndpointRules {
    static final Set<Role> ALL = EnumSet.allOf(Role.class);
    /** the bureau's and townships' own people: not institutions, nor the experts and third parties engaged from outside */
    static final Set<Role> REGIONAL = EnumSet.complementOf(EnumSet.of(Role.INSTITUTION_MANAGER, Role.EXPERT, Role.THIRD_PARTY));
    static final Set<Role> BUREAU = EnumSet.of(Role.BUREAU_ADMIN, Role.BUREAU_SECTION);
    static final Set<Role> ADMIN = EnumSet.of(Role.BUREAU_ADMIN);
    /** who watches the processes run: the bureau and its leaders */
    static final Set<Role> SUPERVISORS = EnumSet.of(Role.BUREAU_ADMIN, Role.BUREAU_SECTION, Role.LEADER);
    static final Set<Role> INSTITUTION = EnumSet.of(Role.INSTITUTION_MANAGER);
    /** Who submits or reads dispatch reports: the regions and the directly-run institutions (each its own). */
    static final Set<Role> REPORTERS = EnumSet.complementOf(EnumSet.of(Role.EXPERT, Role.THIRD_PARTY));
    /** who keeps the register of institutions */
    static final Set<Role> REGISTER_KEEPERS = EnumSet.of(Role.BUREAU_ADMIN, Role.BUREAU_SECTION, Role.TOWNSHIP_OFFICER);
    /** No login needed (the public whistleblower form); rate-limited instead. */
    public static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);

    /** One endpoint (an Ant-style path, * for a path variable) and the roles that may call it. */
    public record Rule(HttpMethod method, String path, Set<Role> roles) {
        public boolean matches(HttpMethod method, String concretePath) {
            return this.method.equals(method) && concretePath.matches(path.replace(".", "\\.").replace("*", "[^/]+"));
        }
    }

    public static final List<Rule> RULES = List.of(
            get("/api/ui-config", PUBLIC),
            post("/api/session", PUBLIC),
            delete("/api/session", ALL),
            get("/api/me", ALL),
            get("/api/criteria", ALL),
            get("/api/regions", ALL),
            get("/api/process-models/*", ALL),
            post("/api/process-models/check", BUREAU),
            get("/api/process-models/*/variables", BUREAU),
            get("/api/process-models/*/monitor", SUPERVISORS),
            // revising the process itself is the county administrator's: deploy a revision, move running instances
            post("/api/process-models/*/deployments", ADMIN),
            get("/api/process-models/*/deployments", SUPERVISORS),
            get("/api/process-models/*/migration-plan", ADMIN),
            get("/api/process-models/*/timers", ADMIN),
            // the supervisor's console: instances watched by the bureau and its leaders, incidents retried by the
            // bureau, instances cancelled and variables corrected by the county administrator
            get("/api/process-instances", SUPERVISORS),
            get("/api/process-instances/*", SUPERVISORS),
            post("/api/process-instances/retries", BUREAU),
            post("/api/process-instances/cancellations", ADMIN),
            post("/api/admin/process-instances/*/variables", ADMIN),
            post("/api/process-models/*/migrations", ADMIN),
            get("/api/institutions", ALL),
            get("/api/institutions/*", ALL),
            // the register: the county bureau, and a township officer for his own township (InstitutionRegister)
            post("/api/institutions", REGISTER_KEEPERS),
            put("/api/institutions/*", REGISTER_KEEPERS),
            post("/api/institutions/*/status", BUREAU),
            get("/api/institutions/*/history", REGIONAL),
            get("/api/institutions/*/poster", ALL),
            get("/api/institutions/*/qr.png", ALL),
            get("/api/institutions/*/campaigns", ALL),
            get("/api/institutions/*/help-visits", ALL),
            post("/api/help-visits", REGIONAL),
            get("/api/tasks", ALL),
            get("/api/tasks/*", ALL),
            post("/api/tasks/*/complete", ALL),
            post("/api/tasks/*/attachments", ALL),
            get("/api/hazards", ALL),
            get("/api/hazards/counts", ALL),
            post("/api/hazards", ALL),
            get("/api/hazards/*", ALL),
            get("/api/hazards/*/process", ALL),
            get("/api/hazards/*/grading-decisions", ALL),
            post("/api/hazards/*/extension-requests", INSTITUTION),
            get("/api/hazards/*/attachments", ALL),
            post("/api/hazards/*/attachments", ALL),
            get("/api/attachments/*", ALL),
            get("/api/campaign-templates", BUREAU),
            post("/api/campaigns", BUREAU),
            post("/api/campaigns/from-template", BUREAU),
            post("/api/campaigns/dispatch-preview", BUREAU),
            get("/api/campaigns", ALL),
            get("/api/campaigns/*", ALL),
            get("/api/campaigns/*/progress", ALL),
            get("/api/campaigns/*/process", SUPERVISORS),
            post("/api/campaigns/*/phases/*/close", BUREAU),
            post("/api/campaigns/*/phases/*/reschedule", BUREAU),
            post("/api/campaigns/*/dispatch-months", BUREAU),
            post("/api/campaigns/*/cancel", BUREAU),
            get("/api/campaigns/*/outstanding", REGIONAL),
            post("/api/campaigns/*/reminders", REGIONAL),
            get("/api/campaign-tasks/*", ALL),
            get("/api/campaigns/*/dispatch-reports", REGIONAL),
            get("/api/dispatch-reports/*", REPORTERS),
            get("/api/dispatch-reports/*/dispatch-table.xlsx", REPORTERS),
            get("/api/dispatch-reports/*/hazard-list.xlsx", REPORTERS),
            get("/api/statistics", REGIONAL),
            get("/api/statistics/monthly", REGIONAL),
            get("/api/statistics/categories", REGIONAL),
            get("/api/reports/dispatch-table.xlsx", REGIONAL),
            get("/api/reports/hazard-list", ALL),
            get("/api/reports/hazard-list.xlsx", ALL),
            get("/api/reports/hazard-list.csv", ALL),
            get("/api/reports/hazard-import/template.xlsx", ALL),
            post("/api/reports/hazard-import", ALL),
            get("/api/reports/institution-import/template.xlsx", REGISTER_KEEPERS),
            post("/api/reports/institution-import", REGISTER_KEEPERS),
            get("/api/notifications", ALL),
            get("/api/notifications/unread-count", ALL),
            post("/api/notifications/*/read", ALL),
            post("/api/notifications/read-all", ALL),
            get("/api/notification-settings", ALL),
            post("/api/notification-settings", ALL),
            get("/api/admin/notification-deliveries", ADMIN),
            post("/api/admin/notification-deliveries/*/resend", ADMIN),
            get("/api/admin/event-chain", ADMIN),
            get("/api/admin/operation-log", ADMIN),
            get("/api/admin/incidents", ADMIN),
            post("/api/admin/incidents/*/retry", ADMIN),
            post("/api/admin/process-instances/rebuild", ADMIN),
            post("/api/public/whistleblower-reports", PUBLIC),
            get("/api/public/whistleblower-reports/*", PUBLIC),
            post("/api/public/whistleblower-reports/*/photos", PUBLIC),
            get("/api/public/institutions", PUBLIC),
            get("/api/public/institutions/*", PUBLIC),
            get("/api/public/townships", PUBLIC),
            get("/api/whistleblower-reports", REGIONAL),
            get("/api/whistleblower-reports/*", REGIONAL));

    private EndpointRules() {
    }

    /** Each rule as a request matcher; a GET rule lets HEAD through as well (the same answer without its body). */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : RULES) {
            List<HttpMethod> methods = rule.method().equals(HttpMethod.GET) ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.of(rule.method());
            for (HttpMethod method : methods) {
                var matched = auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(method, rule.path()));
                if (rule.roles().isEmpty()) {
                    matched.permitAll();
                } else {
                    matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                }
            }
        }
    }

    /** The rule of an endpoint, if it has one (HEAD goes by its GET rule, as {@link #apply} lets it). */
    public static java.util.Optional<Rule> of(HttpMethod method, String concretePath) {
        HttpMethod asRuled = HttpMethod.HEAD.equals(method) ? HttpMethod.GET : method;
        return RULES.stream().filter(r -> r.matches(asRuled, concretePath)).findFirst();
    }

    /** Whether any rule names this path, with whatever method. */
    static boolean knows(String concretePath) {
        return RULES.stream().anyMatch(r -> r.matches(r.method(), concretePath));
    }

    private static Rule get(String path, Set<Role> roles) {
        return new Rule(HttpMethod.GET, path, roles);
    }

    private static Rule delete(String path, Set<Role> roles) {
        return new Rule(HttpMethod.DELETE, path, roles);
    }

    private static Rule post(String path, Set<Role> roles) {
        return new Rule(HttpMethod.POST, path, roles);
    }

    private static Rule put(String path, Set<Role> roles) {
        return new Rule(HttpMethod.PUT, path, roles);
    }
}
