package com.civilsafety.ledger.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can pin and move; unpinned it follows the platform's clock (the system's, or the calendar sweep's). */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> pinned = new AtomicReference<>();
    private final Clock base;

    private MutableClock(Clock base) {
        this.base = base;
    }

    public static MutableClock over(Clock base) {
        return new MutableClock(base);
    }

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void advance(Duration duration) {
        pinned.updateAndGet(i -> (i == null ? base.instant() : i).plus(duration));
    }

    public void release() {
        pinned.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ZonedView(this, zone);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at == null ? base.instant() : at;
    }
}
