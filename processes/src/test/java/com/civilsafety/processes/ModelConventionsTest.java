package com.civilsafety.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.processes.check.ModelCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our models pass their own check ({@link ModelCheck}): Zeebe reads them, readable ids, Chinese names, a shape for
 * every element, timers that parse. Whether their job types have workers is checked where the workers are (the app's
 * ProcessModelCheckTest). Waits without a BPMN deadline are listed here one by one, with why.
 */
class ModelConventionsTest {
    @ParameterizedTest
    @ValueSource(strings = {"processes/hazard-rectification.bpmn", "processes/campaign.bpmn",
            "processes/campaign-phase.bpmn", "processes/campaign-deliverable.bpmn",
            "processes/campaign-dispatch.bpmn", "processes/whistleblower-triage.bpmn"})
    void ourModelsPassTheirOwnCheck(String resource) throws IOException {
        String xml = read(resource);
        ModelCheck check = new ModelCheck(jobTypesIn(xml));
        List<ModelCheck.Finding> findings = check.withCatalogues(check.catalogue(xml)).check(xml);
        assertThat(findings).as("every wait for a person has its deadline; every element is named and drawn").isEmpty();
    }

    static String read(String resource) throws IOException {
        try (InputStream in = ModelConventionsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Set<String> jobTypesIn(String xml) {
        Set<String> types = new TreeSet<>();
        Matcher m = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            types.add(m.group(1));
        }
        return types;
    }
}
