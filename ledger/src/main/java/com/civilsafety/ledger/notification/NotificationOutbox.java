package com.civilsafety.ledger.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Component;

/**
 * The outbox's rows: the requests a step writes in its transaction, and the notices and deliveries they become, written
 * in bulk — a campaign-wide reminder tells two thousand people, and row-at-a-time entity inserts (identity keys cannot
 * be batched, and each query re-checks every entity in the session) would be several times slower. What it needs to
 * address them — the people's stored choices — is read the same way. Reading the notices goes through the entities.
 */
@Component
class NotificationOutbox {
    private static final int CHUNK = 500;
    private static final NotificationSetting.MinuteOfDay MINUTES = new NotificationSetting.MinuteOfDay();

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

    /** notices a step asked for, not told yet: when it asked, and the notices as JSON */
    record Request(long id, Instant at, String notices) {
    }

    /** Writes a step's requests, a statement each (a request is up to a few hundred kilobytes). */
    void request(List<String> notices, Instant at) {
        for (String n : notices) {
            jdbc.update("insert into notification_request (created_at, notices) values (?, ?)", utc(at), n);
        }
    }

    /** The oldest requests not told yet and not given up, up to {@code limit}. */
    List<Long> requested(int limit, int maxAttempts) {
        return jdbc.queryForList("select id from notification_request where attempts < ? order by id limit " + limit, Long.class,
                maxAttempts);
    }

    /** A request whose telling failed: one attempt more, and why; answers the attempts so far. */
    int failed(long id, String error) {
        jdbc.update("update notification_request set attempts = attempts + 1, last_error = ? where id = ?",
                error.length() > 500 ? error.substring(0, 500) : error, id);
        List<Integer> attempts = jdbc.queryForList("select attempts from notification_request where id = ?", Integer.class, id);
        return attempts.isEmpty() ? 0 : attempts.getFirst();
    }

    /**
     * Takes a request to tell it in this transaction (it is deleted there, so it is told once, whichever instance
     * comes first); empty if another has taken it meanwhile.
     */
    Optional<Request> take(long id) {
        List<Request> found = jdbc.query("select id, created_at, notices from notification_request where id = ?",
                (rs, i) -> new Request(rs.getLong(1), rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getString(3)), id);
        if (found.isEmpty() || jdbc.update("delete from notification_request where id = ?", id) == 0) {
            return Optional.empty();
        }
        return Optional.of(found.getFirst());
    }

    /** Which of these causes were told to whom already. */
    Set<Told> told(Collection<String> causeKeys) {
        return new HashSet<>(ids(causeKeys).keySet());
    }

    /** Writes the notices and their deliveries; the notices are new (checked with {@link #told} in this transaction). */
    void write(List<Row> rows, List<Delivery> deliveries, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> keys = insert("insert into notification (person_id, cause_key, kind, title, body, link, urgent, created_at) values ",
                8, rows, (row, values) -> {
                    values.add(row.told().personId());
                    values.add(row.told().causeKey());
                    values.add(row.message().kind().name());
                    values.add(row.message().title());
                    values.add(row.message().body());
                    values.add(row.message().link());
                    values.add(row.message().urgent());
                    values.add(utc(now));
                });
        if (deliveries.isEmpty()) {
            return;
        }
        Map<Told, Long> ids = new HashMap<>();
        if (keys.size() == rows.size()) { // the driver answered every row's key, in order
            for (int i = 0; i < rows.size(); i++) {
                ids.put(rows.get(i).told(), keys.get(i));
            }
        } else {
            ids = ids(rows.stream().map(r -> r.told().causeKey()).toList());
        }
        Map<Told, Long> idOf = ids;
        insert("insert into notification_delivery (notification_id, channel, address, status, attempts, not_before) values ", 6,
                deliveries, (d, values) -> {
                    values.add(idOf.get(d.told()));
                    values.add(d.channel().name());
                    values.add(d.address());
                    values.add(DeliveryStatus.PENDING.name());
                    values.add(0);
                    values.add(utc(d.notBefore()));
                });
    }

    /** The stored choices of these people, by person; those without a row have none here. */
    Map<Long, NotificationPreferences> preferencesOf(Collection<Long> personIds) {
        Map<Long, NotificationPreferences> found = new HashMap<>();
        List<Long> ids = List.copyOf(personIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("select person_id, email, email_enabled, mobile, webhook_enabled, quiet_from, quiet_until, digest "
                    + "from notification_setting where person_id in (" + marks(chunk.size()) + ")", rs -> {
                        found.put(rs.getLong(1), new NotificationPreferences(rs.getString(2), rs.getBoolean(3), rs.getString(4),
                                rs.getBoolean(5), MINUTES.convertToEntityAttribute(rs.getInt(6)),
                                MINUTES.convertToEntityAttribute(rs.getInt(7)), rs.getBoolean(8)));
                    }, chunk.toArray());
        }
        return found;
    }

    /**
     * Rows as multi-row inserts ({@code values (…), (…), …}), a few hundred a statement: one round trip each, on
     * every driver (a JDBC batch is a round trip per row unless the driver is told to rewrite it). Answers the rows'
     * generated keys in order, as far as the driver gives them.
     */
    private <T> List<Long> insert(String into, int columns, List<T> items, BiConsumer<T, List<Object>> values) {
        int perStatement = CHUNK * 4 / columns;
        String row = "(" + marks(columns) + ")";
        List<Long> keys = new ArrayList<>(items.size());
        for (int from = 0; from < items.size(); from += perStatement) {
            List<T> chunk = items.subList(from, Math.min(items.size(), from + perStatement));
            List<Object> args = new ArrayList<>(chunk.size() * columns);
            chunk.forEach(item -> values.accept(item, args));
            String sql = into + String.join(", ", Collections.nCopies(chunk.size(), row));
            jdbc.execute((Connection c) -> {
                try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    for (int i = 0; i < args.size(); i++) {
                        StatementCreatorUtils.setParameterValue(statement, i + 1, SqlTypeValue.TYPE_UNKNOWN, args.get(i));
                    }
                    statement.executeUpdate();
                    try (ResultSet generated = statement.getGeneratedKeys()) {
                        while (generated.next()) {
                            keys.add(generated.getLong(1));
                        }
                    }
                }
                return null;
            });
        }
        return keys;
    }

    /** the notices of these causes, each person's by its id */
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
