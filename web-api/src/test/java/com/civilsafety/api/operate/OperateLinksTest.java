package com.civilsafety.api.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The links follow Operate 8.8's routes (its client's {@code Paths}: {@code /processes/:processInstanceId}, the
 * instance list at {@code /processes}) and URL filters (its {@code PROCESS_INSTANCE_FILTER_FIELDS}; booleans as
 * {@code true}), under the address configured for Operate itself.
 */
class OperateLinksTest {
    /** Operate 8.8's instance-list URL filters */
    private static final Set<String> OPERATE_FILTERS = Set.of("process", "version", "ids", "parentInstanceId",
            "errorMessage", "flowNodeId", "variableName", "variableValues", "operationId", "active", "incidents",
            "completed", "canceled", "startDateAfter", "startDateBefore", "endDateAfter", "endDateBefore", "tenant",
            "retriesLeft");

    private final OperateLinks links = new OperateLinks("https://camunda.example.gov.cn/operate/");

    @Test
    void anInstanceOpensAtItsOwnPage() {
        assertThat(links.instance(2251799813685249L)).isEqualTo("https://camunda.example.gov.cn/operate/processes/2251799813685249");
        assertThat(links.home()).as("the trailing slash dropped").isEqualTo("https://camunda.example.gov.cn/operate");
    }

    @Test
    void aProcessVersionAndElementOpenTheFilteredInstanceList() {
        URI uri = URI.create(links.running("HazardRectification", 3, "Task_Rectify"));
        assertThat(uri.getPath()).isEqualTo("/operate/processes");
        Map<String, String> query = query(uri);
        assertThat(query).containsExactly(Map.entry("process", "HazardRectification"), Map.entry("version", "3"),
                Map.entry("flowNodeId", "Task_Rectify"), Map.entry("active", "true"), Map.entry("incidents", "true"));
        assertThat(OPERATE_FILTERS).containsAll(query.keySet());
        assertThat(query(URI.create(links.running("Campaign", null, null)))).as("all versions, every element")
                .containsOnlyKeys("process", "active", "incidents");
    }

    @Test
    void aProcessIdIsEncoded() {
        assertThat(links.running("进度 a&b", null, null)).contains("process=%E8%BF%9B%E5%BA%A6+a%26b");
    }

    @Test
    void withoutAnAddressThereAreNoLinks() {
        OperateLinks none = new OperateLinks("  ");
        assertThat(none.home()).isNull();
        assertThat(none.instance(1)).isNull();
        assertThat(none.running("Campaign", 1, "Task_X")).isNull();
        assertThat(none.pointer(none.instance(1))).isEmpty();
        assertThat(links.pointer(links.instance(7))).isEqualTo("：https://camunda.example.gov.cn/operate/processes/7");
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2)).forEach(p -> query.put(p[0], p[1]));
        return query;
    }
}
