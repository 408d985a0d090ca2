package com.civilsafety.ledger.eventlog;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ForbiddenException;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the event log tamper-evident: each event is sealed as its transaction commits — numbered in commit order and
 * given the SHA-256 of its content and of the seal before it — so that changing, removing or reordering any stored
 * event breaks the chain from there on, and {@link #verify} names the first broken link. Sealing takes the chain's
 * head row lock as the transaction's last step (after its own writes are flushed), so it never waits while holding it.
 */
@Component
public class EventChain implements ApplicationRunner {
    static final String GENESIS = "0".repeat(64);
    private static final Object KEY = EventChain.class;
    private static final String COLUMNS = "id, occurred_at, type, subject_type, subject_id, actor_id, actor_name, "
            + "process_instance_key, element_id, job_key, payload";

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;

    EventChain(JdbcTemplate jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** The result of walking the chain: how far it holds, and where it first does not. */
    public record Verification(boolean intact, long sealedEvents, long unsealedEvents, Long brokenAtSequence,
                               Long brokenEventId, String reason) {
    }

    /** Seals the event when the caller's transaction commits (with the others it appended). */
    void sealOnCommit(long eventId) {
        @SuppressWarnings("unchecked")
        List<Long> pending = (List<Long>) TransactionSynchronizationManager.getResource(KEY);
        if (pending == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(KEY, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    entityManager.flush(); // the transaction's own writes first, so nothing waits behind the head lock
                    seal(ids);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            pending = ids;
        }
        pending.add(eventId);
    }

    /** Events written before the chain existed are sealed at start-up, oldest first. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seal(jdbc.queryForList("select id from ledger_event where chain_seq is null order by id", Long.class));
    }

    private void seal(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from ledger_chain where id = 1 for update");
        long seq = ((Number) head.get("last_seq")).longValue();
        String previous = (String) head.get("last_hash");
        for (long id : ids.stream().sorted().toList()) {
            String content = jdbc.queryForObject("select " + COLUMNS + " from ledger_event where id = ?",
                    (rs, n) -> canonical(rs), id);
            seq++;
            String hash = hash(seq, previous, content);
            jdbc.update("update ledger_event set chain_seq = ?, previous_hash = ?, hash = ? where id = ?", seq, previous, hash, id);
            previous = hash;
        }
        jdbc.update("update ledger_chain set last_seq = ?, last_hash = ? where id = 1", seq, previous);
    }

    /** Walks the whole chain in order; bureau administrators only. */
    @Transactional(readOnly = true)
    public Verification verify(Actor actor) {
        if (!actor.hasRole(Role.BUREAU_ADMIN)) {
            throw new ForbiddenException("只有县局管理员可以校验事件日志");
        }
        long[] expected = {1};
        String[] previous = {GENESIS};
        Verification[] broken = {null};
        jdbc.query(con -> {
            var statement = con.prepareStatement("select chain_seq, previous_hash, hash, " + COLUMNS
                    + " from ledger_event where chain_seq is not null order by chain_seq");
            statement.setFetchSize(500);
            return statement;
        }, rs -> {
            if (broken[0] != null) {
                return;
            }
            long seq = rs.getLong("chain_seq");
            long id = rs.getLong("id");
            String reason = null;
            if (seq != expected[0]) {
                reason = "第 " + expected[0] + " 条缺失（链上下一条是第 " + seq + " 条）";
            } else if (!previous[0].equals(rs.getString("previous_hash"))) {
                reason = "与前一条的链接不符";
            } else if (!hash(seq, previous[0], canonical(rs)).equals(rs.getString("hash"))) {
                reason = "内容与封存时不符";
            }
            if (reason != null) {
                broken[0] = new Verification(false, expected[0] - 1, 0, expected[0], id, reason);
                return;
            }
            previous[0] = rs.getString("hash");
            expected[0]++;
        });
        long sealed = expected[0] - 1;
        long unsealed = jdbc.queryForObject("select count(*) from ledger_event where chain_seq is null", Long.class);
        if (broken[0] != null) {
            return new Verification(false, broken[0].sealedEvents(), unsealed, broken[0].brokenAtSequence(),
                    broken[0].brokenEventId(), broken[0].reason());
        }
        Map<String, Object> head = jdbc.queryForMap("select last_seq, last_hash from ledger_chain where id = 1");
        if (((Number) head.get("last_seq")).longValue() != sealed || !previous[0].equals(head.get("last_hash"))) {
            return new Verification(false, sealed, unsealed, sealed + 1, null, "链尾缺失：最后封存的是第 " + head.get("last_seq") + " 条");
        }
        if (unsealed > 0) {
            return new Verification(false, sealed, unsealed, null, null, "有 " + unsealed + " 条事件未封存");
        }
        return new Verification(true, sealed, 0, null, null, null);
    }

    /** The stored content of an event, each field length-prefixed so that no two contents read alike. */
    private static String canonical(ResultSet rs) throws SQLException {
        StringBuilder s = new StringBuilder();
        field(s, String.valueOf(rs.getLong("id")));
        field(s, String.valueOf(rs.getObject("occurred_at", LocalDateTime.class)));
        for (String column : List.of("type", "subject_type", "subject_id", "actor_id", "actor_name",
                "process_instance_key", "element_id", "job_key", "payload")) {
            field(s, rs.getString(column));
        }
        return s.toString();
    }

    private static void field(StringBuilder s, String value) {
        s.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value).append(';');
    }

    static String hash(long seq, String previous, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seq + ";" + previous + ";" + content).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
