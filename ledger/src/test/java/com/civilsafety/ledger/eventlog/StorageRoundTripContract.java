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

    @Autowired
    EventChain chain;

    /** Tamper-evidence: any change to a stored event, or a removed one, is found at its place in the chain. */
    @Test
    void changingOrRemovingAStoredEventBreaksTheChainThere() throws Exception {
        Actor admin = new Actor(null, "admin", "管理员", java.util.Set.of(com.civilsafety.ledger.access.Role.BUREAU_ADMIN), "/", null);
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int n = i;
            ids.add(tx.execute(s -> eventLog.append(EventType.HAZARD_STEP_RECORDED, "HAZARD", 900L + n, Actor.SYSTEM, null,
                    Map.of("step", n)).getId()));
        }
        // two writers at once: the chain takes their events one transaction after the other
        java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int w = 0; w < 2; w++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    tx.executeWithoutResult(s -> {
                        eventLog.append(EventType.HAZARD_STEP_RECORDED, "HAZARD", 950L, Actor.SYSTEM, null, Map.of("a", 1));
                        eventLog.append(EventType.HAZARD_STEP_RECORDED, "HAZARD", 951L, Actor.SYSTEM, null, Map.of("b", 2));
                    });
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        writers.shutdown();
        EventChain.Verification intact = chain.verify(admin);
        assertThat(intact.intact()).as(intact.toString()).isTrue();
        assertThat(intact.sealedEvents()).isEqualTo(jdbc.queryForObject("select count(*) from ledger_event", Long.class));

        long target = ids.get(1);
        long seq = jdbc.queryForObject("select chain_seq from ledger_event where id = ?", Long.class, target);
        String payload = jdbc.queryForObject("select payload from ledger_event where id = ?", String.class, target);
        jdbc.update("update ledger_event set payload = ? where id = ?", "{\"step\":99}", target);
        EventChain.Verification changed = chain.verify(admin);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenEventId()).isEqualTo(target);
        assertThat(changed.brokenAtSequence()).isEqualTo(seq);
        assertThat(changed.reason()).contains("内容");
        jdbc.update("update ledger_event set payload = ? where id = ?", payload, target);
        assertThat(chain.verify(admin).intact()).isTrue();

        jdbc.update("update ledger_event set actor_name = '张三' where id = ?", ids.get(2));
        assertThat(chain.verify(admin).brokenEventId()).isEqualTo(ids.get(2));
        jdbc.update("update ledger_event set actor_name = ? where id = ?", Actor.SYSTEM.displayName(), ids.get(2));

        // a forger who recomputes the changed event's own hash still breaks the link to the next one
        long third = ids.get(2);
        long thirdSeq = jdbc.queryForObject("select chain_seq from ledger_event where id = ?", Long.class, third);
        String thirdHash = jdbc.queryForObject("select hash from ledger_event where id = ?", String.class, third);
        jdbc.update("update ledger_event set hash = ? where id = ?", "f".repeat(64), third);
        EventChain.Verification relinked = chain.verify(admin);
        assertThat(relinked.brokenAtSequence()).isIn(thirdSeq, thirdSeq + 1);
        assertThat(relinked.intact()).isFalse();
        jdbc.update("update ledger_event set hash = ? where id = ?", thirdHash, third);
        assertThat(chain.verify(admin).intact()).isTrue();

        // a removed event leaves a gap where it was
        long fourthSeq = jdbc.queryForObject("select chain_seq from ledger_event where id = ?", Long.class, ids.get(3));
        jdbc.update("delete from ledger_event where id = ?", ids.get(3));
        EventChain.Verification removed = chain.verify(admin);
        assertThat(removed.intact()).isFalse();
        assertThat(removed.brokenAtSequence()).isEqualTo(fourthSeq);
        assertThat(removed.reason()).contains("缺失");
    }
}
