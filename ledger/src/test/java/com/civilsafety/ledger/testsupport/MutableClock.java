package com.civilsafety.ledger.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests can pin and move; unpinned it follows the system clock. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public static MutableClock systemUtc() {
        return new MutableClock();
    }

    public void pin(Instant instant) {
        pinned.set(instant);
    }

    public void advance(Duration duration) {
        pinned.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
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
        MutableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at == null ? Instant.now() : at;
    }
}
