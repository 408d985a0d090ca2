package com.civilsafety.ledger.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the ledger stores comes back unchanged: instants to the microsecond, JSON text with Chinese, quotes and emoji.
 * Run against each database the ledger supports.
 */
abstract class StorageRoundTripContract {
    private static final Instant WITH_MICROS = Instant.parse("2026-11-22T08:15:30.123456Z");

    @Autowired
    EventLog eventLog;
    @Autowired
    LedgerEventRepository events;
    @Autowired
    MutableClock clock;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void eventKeepsMicrosecondsAndJsonPayload() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("说明", "消防通道堵塞 — 'single' \"double\" \\ backslash");
        payload.put("emoji", "🔥🧯");
        payload.put("nested", Map.of("list", List.of(1, 2.5, true, "二")));
        payload.put("empty", Map.of());
        clock.pin(WITH_MICROS);

        Long id = tx.execute(s -> eventLog.append(EventType.HAZARD_REPORTED, "HAZARD", 42L, Actor.SYSTEM, null, payload).getId());

        LedgerEvent stored = tx.execute(s -> events.findBySubjectTypeAndSubjectIdOrderById("HAZARD", 42L).stream()
                .filter(e -> e.getId().equals(id)).findFirst().orElseThrow());
        assertThat(stored.getOccurredAt()).isEqualTo(WITH_MICROS);
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(stored.getPayload())).isEqualTo((JsonNode) json.valueToTree(payload));
        // and as the database itself sees it, in UTC, not just as Hibernate reads it back
        Long rows = jdbc.queryForObject(
                "select count(*) from ledger_event where id = ? and occurred_at = '2026-11-22 08:15:30.123456'", Long.class, id);
        assertThat(rows).isEqualTo(1L);
    }
}
