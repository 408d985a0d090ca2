package com.civilsafety.ledger.notification;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's rows written in bulk, inside the step's transaction: a campaign-wide reminder tells two thousand
 * people, and row-at-a-time entity inserts (identity keys cannot be batched, and each query re-checks every entity
 * in the session) would make the step itself several times slower. Reading goes through the entities as usual.
 */
@Component
class NotificationOutbox {
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    NotificationOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** a cause told to a person */
    record Told(String causeKey, long personId) {
    }

    record Row(Told told, Message message) {
    }

    record Delivery(Told told, Channel channel, String address, Instant notBefore) {
    }

    /** Which of these causes were told to whom already. */
    Set<Told> told(Collection<String> causeKeys) {
        Set<Told> told = new HashSet<>();
        List<String> keys = List.copyOf(new HashSet<>(causeKeys));
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            jdbc.query("select cause_key, person_id from notification where cause_key in (" + marks(chunk.size()) + ")",
                    rs -> {
                        told.add(new Told(rs.getString(1), rs.getLong(2)));
                    }, chunk.toArray());
        }
        return told;
    }

    /** Writes the notices and their deliveries; the notices are new (checked with {@link #told} in this transaction). */
    void write(List<Row> rows, List<Delivery> deliveries, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into notification (person_id, cause_key, kind, title, body, link, urgent, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, CHUNK, (PreparedStatement ps, Row row) -> {
            ps.setLong(1, row.told().personId());
            ps.setString(2, row.told().causeKey());
            ps.setString(3, row.message().kind().name());
            ps.setString(4, row.message().title());
            ps.setString(5, row.message().body());
            ps.setString(6, row.message().link());
            ps.setBoolean(7, row.message().urgent());
            ps.setObject(8, utc(now));
        });
        if (deliveries.isEmpty()) {
            return;
        }
        Map<Told, Long> ids = ids(rows.stream().map(r -> r.told().causeKey()).toList());
        jdbc.batchUpdate("""
                insert into notification_delivery (notification_id, channel, address, status, attempts, not_before)
                values (?, ?, ?, 'PENDING', 0, ?)""", deliveries, CHUNK, (PreparedStatement ps, Delivery d) -> {
            ps.setLong(1, ids.get(d.told()));
            ps.setString(2, d.channel().name());
            ps.setString(3, d.address());
            ps.setObject(4, utc(d.notBefore()));
        });
    }

    private Map<Told, Long> ids(Collection<String> causeKeys) {
        Map<Told, Long> ids = new HashMap<>();
        List<String> keys = new ArrayList<>(new HashSet<>(causeKeys));
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            jdbc.query("select id, cause_key, person_id from notification where cause_key in (" + marks(chunk.size()) + ")",
                    rs -> {
                        ids.put(new Told(rs.getString(2), rs.getLong(3)), rs.getLong(1));
                    }, chunk.toArray());
        }
        return ids;
    }

    /** an instant as the entities store it (hibernate.jdbc.time_zone: UTC): the UTC wall-clock time */
    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
