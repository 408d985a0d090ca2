package com.civilsafety.ledger.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** Another clock read afresh on every call, in a zone of its own: {@code withZone} of a clock whose time moves. */
public final class ZonedView extends Clock {
    private final Clock source;
    private final ZoneId zone;

    public ZonedView(Clock source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ZonedView(source, other);
    }

    @Override
    public Instant instant() {
        return source.instant();
    }
}
