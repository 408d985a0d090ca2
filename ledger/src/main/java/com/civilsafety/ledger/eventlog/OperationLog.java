package com.civilsafety.ledger.eventlog;

import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.access.Role;
import com.civilsafety.ledger.common.ForbiddenException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 操作日志: each change, export and administrative call a signed-in person made through the API — who, what, with
 * which outcome, from where — kept apart from the event log (which records what happened to the records). Rows are
 * only ever inserted.
 */
@Component
public class OperationLog {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OperationLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Operation(long id, Instant occurredAt, Long actorId, String username, String actorName, String method,
                            String path, String query, int status, String client, String detail) {
    }

    /**
     * Written in a transaction of its own, after the request's has ended, whatever its outcome; {@code detail}: what
     * it did, in words, if the endpoint said (null otherwise).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Actor actor, String method, String path, String query, int status, String client, String detail) {
        jdbc.update("""
                insert into operation_log (occurred_at, actor_id, username, actor_name, method, path, query, status, client, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(clock.instant()), actor.personId(), actor.username(),
                actor.displayName(), method, cut(path, 255), cut(query, 1000), status, cut(client, 64), cut(detail, 1000));
    }

    /** One page of the log, newest first, and how many operations it holds in all. */
    public record Page(List<Operation> items, long total) {
    }

    /**
     * The operations newest first, a page at a time (县局管理员 only); {@code changesOnly}: those that changed something
     * (not the reads and exports, the log's own reading among them, which would otherwise push the changes down).
     */
    @Transactional(readOnly = true)
    public Page page(Actor actor, boolean changesOnly, int page, int size) {
        if (!actor.hasRole(Role.BUREAU_ADMIN)) {
            throw new ForbiddenException("只有县局管理员可以查看操作日志");
        }
        String where = changesOnly ? " where method not in ('GET', 'HEAD')" : "";
        long total = jdbc.queryForObject("select count(*) from operation_log" + where, Long.class);
        List<Operation> items = jdbc.query("select * from operation_log" + where + " order by id desc limit ? offset ?",
                (rs, n) -> new Operation(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        (Long) rs.getObject("actor_id", Long.class), rs.getString("username"), rs.getString("actor_name"),
                        rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                        rs.getString("client"), rs.getString("detail")), size, (long) page * size);
        return new Page(items, total);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
