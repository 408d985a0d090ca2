package com.civilsafety.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.common.Json;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workers' answers as the ledger kept them (processed_job) hold no variable their {@code @WritesVariables} does
 * not name: the model check's knowledge of which steps update a timer's date is the workers' real behaviour.
 */
public final class WorkerAnswers {
    private WorkerAnswers() {
    }

    @SuppressWarnings("unchecked")
    public static void assertDeclared(JdbcTemplate jdbc, Map<String, Set<String>> declared) {
        jdbc.query("select job_type, result from processed_job where result is not null", rs -> {
            String type = rs.getString(1);
            if (!declared.containsKey(type)) {
                return; // the platform's own records (a rebuild's start), not a worker's answer
            }
            Map<String, Object> answer = Json.read(rs.getString(2), Map.class);
            assertThat(declared.get(type)).as("the variables %s answers with", type).containsAll(answer.keySet());
        });
    }
}
