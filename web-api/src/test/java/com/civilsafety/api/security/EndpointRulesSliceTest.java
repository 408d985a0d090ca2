package com.civilsafety.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.civilsafety.api.operate.OperateLinks;
import com.civilsafety.api.report.SheetUploads;
import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.VariableCorrections;
import com.civilsafety.engine.hazard.ExtensionRequests;
import com.civilsafety.engine.hazard.HazardIntake;
import com.civilsafety.engine.inbox.TaskSubmission;
import com.civilsafety.engine.model.ProcessModelCheck;
import com.civilsafety.engine.model.ProcessModelDeployments;
import com.civilsafety.engine.model.ProcessModels;
import com.civilsafety.engine.rebuild.ProcessRebuild;
import com.civilsafety.engine.state.InstanceNames;
import com.civilsafety.engine.whistleblower.WhistleblowerIntake;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.attachment.AttachmentStore;
import com.civilsafety.ledger.campaign.CampaignProgressQuery;
import com.civilsafety.ledger.campaign.CampaignReminders;
import com.civilsafety.ledger.campaign.CampaignService;
import com.civilsafety.ledger.campaign.DispatchReports;
import com.civilsafety.ledger.campaign.MonthlyDispatch;
import com.civilsafety.ledger.criterion.CriterionCatalogue;
import com.civilsafety.ledger.eventlog.EventChain;
import com.civilsafety.ledger.eventlog.OperationLog;
import com.civilsafety.ledger.hazard.HazardImport;
import com.civilsafety.ledger.hazard.HazardList;
import com.civilsafety.ledger.hazard.HazardService;
import com.civilsafety.ledger.helpvisit.HelpVisits;
import com.civilsafety.ledger.inbox.InboxService;
import com.civilsafety.ledger.institution.InstitutionImport;
import com.civilsafety.ledger.institution.InstitutionRegister;
import com.civilsafety.ledger.institution.InstitutionService;
import com.civilsafety.ledger.job.JobIncidents;
import com.civilsafety.ledger.job.ProcessProjection;
import com.civilsafety.ledger.notification.Notifications;
import com.civilsafety.ledger.people.PeopleService;
import com.civilsafety.ledger.region.RegionRepository;
import com.civilsafety.ledger.statistics.SafetyCards;
import com.civilsafety.ledger.statistics.StatisticsService;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import com.civilsafety.ledger.campaign.BureauSections;
import com.civilsafety.engine.command.IncidentRetries;
import com.civilsafety.engine.operation.InstanceCancellations;
import com.civilsafety.engine.state.InstanceSearch;
import com.civilsafety.ledger.eventlog.EventLog;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role table, as a slice: this module's controllers and its security filter chain, nothing of the ledger or the
 * engine behind them (mocked). Every endpoint has a rule in {@link EndpointRules}; every role is refused by the
 * filter (403 "没有权限") exactly where the rule leaves it out; a method no rule names is refused for everyone. What
 * the data scope narrows within an endpoint needs the ledger's records: AuthorizationMatrixTest in the app module.
 */
@WebMvcTest(properties = "camunda.client.enabled=false") // no embedded engine: the engine module is mocked
@Import({OperateLinks.class, SheetUploads.class}) // plain components: the slice scans controllers only
@MockitoBean(types = {CampaignLaunch.class, ProcessCommands.class, ExtensionRequests.class, HazardIntake.class,
        TaskSubmission.class, ProcessModelCheck.class, ProcessModelDeployments.class, ProcessModels.class,
        ProcessRebuild.class, WhistleblowerIntake.class, AttachmentStore.class, CampaignProgressQuery.class, CampaignReminders.class,
        CampaignService.class, DispatchReports.class, CriterionCatalogue.class, EventChain.class, OperationLog.class,
        HazardImport.class, HazardList.class, HazardService.class, HelpVisits.class, InboxService.class,
        InstitutionService.class, JobIncidents.class, ProcessProjection.class, PeopleService.class,
        RegionRepository.class, StatisticsService.class, Whistleblowers.class, PasswordEncoder.class, Notifications.class,
        InstanceNames.class, VariableCorrections.class, IncidentRetries.class, InstanceSearch.class,
        InstanceCancellations.class, EventLog.class, MonthlyDispatch.class, InstitutionRegister.class, SafetyCards.class, InstitutionImport.class})
class EndpointRulesSliceTest {
    /** What the security filter answers a role outside the rule: nothing past it does. */
    private static final String FILTER_REFUSAL = "没有权限";

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        BureauSections bureauSections() {
            return BureauSections.NONE;
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointHasARule() {
        List<String> missing = endpoints().stream()
                .filter(e -> EndpointRules.of(e.getKey(), concrete(e.getValue())).isEmpty())
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertThat(missing).as("endpoints without a rule in EndpointRules").isEmpty();
    }

    @Test
    void eachRoleIsRefusedByTheFilterExactlyWhereItsRuleLeavesItOut() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<HttpMethod, String> endpoint : endpoints()) {
            String path = concrete(endpoint.getValue());
            Optional<EndpointRules.Rule> rule = EndpointRules.of(endpoint.getKey(), path);
            if (rule.isEmpty()) {
                continue; // reported by everyEndpointHasARule
            }
            for (Role role : Role.values()) {
                MockHttpServletResponse reply = call(endpoint.getKey(), path, role);
                boolean refusedByRule = reply.getStatus() == 403 && reply.getContentAsString().contains(FILTER_REFUSAL);
                boolean allowed = rule.get().roles().isEmpty() || rule.get().roles().contains(role);
                if (allowed == refusedByRule) {
                    wrong.add(endpoint.getKey() + " " + path + " as " + role + ": " + reply.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Deny by default: a method no rule names — OPTIONS, PUT, PATCH, DELETE on any endpoint — is refused (405) for the
     * administrator too; without signing in, OPTIONS is 401 like everything else.
     */
    @Test
    void aMethodWithoutARuleIsRefusedEverywhere() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : endpoints().stream().map(e -> concrete(e.getValue())).distinct().toList()) {
            for (HttpMethod method : List.of(HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                if (EndpointRules.of(method, path).isPresent()) {
                    continue;
                }
                int status = call(method, path, Role.BUREAU_ADMIN).getStatus();
                if (status != 405) {
                    wrong.add(method + " " + path + " as the administrator: " + status);
                }
            }
            int anonymous = mvc.perform(request(HttpMethod.OPTIONS, path)).andReturn().getResponse().getStatus();
            if (anonymous != 401) {
                wrong.add("OPTIONS " + path + " without signing in: " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private MockHttpServletResponse call(HttpMethod method, String path, Role role) throws Exception {
        ActorUser user = new ActorUser(new Actor(1L, "slice-" + role, "切片", Set.of(role), "/1/",
                role == Role.INSTITUTION_MANAGER ? 1L : null), "", true);
        var request = request(method, path).with(authentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()))).with(csrf());
        if (method != HttpMethod.GET && method != HttpMethod.OPTIONS) {
            request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    /** The module's endpoints as (method, path pattern). */
    private List<Map.Entry<HttpMethod, String>> endpoints() {
        List<Map.Entry<HttpMethod, String>> all = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        all.add(Map.entry(HttpMethod.valueOf(method.name()), pattern));
                    }
                }
            }
        }
        assertThat(all).hasSizeGreaterThan(30);
        return all;
    }

    /** A pattern's path variables filled in. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", "1");
    }
}
