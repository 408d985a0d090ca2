package com.civilsafety.engine.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The embedded engine's record stream as it is now, copied: the engine's list grows inside every call that asks for
 * it, so iterating the list itself while another thread asks (the incident scan, a monitor page, a rebuild) fails
 * with a ConcurrentModificationException. The copy is taken by array copy, which does not iterate.
 */
final class EngineRecords {
    private EngineRecords() {
    }

    static List<Record<?>> now(ZeebeTestEngine engine) {
        Iterable<Record<?>> records = engine.getRecordStreamSource().getRecords();
        List<Record<?>> copy;
        if (records instanceof Collection<Record<?>> collection) {
            copy = new ArrayList<>(collection);
        } else {
            copy = new ArrayList<>();
            records.forEach(copy::add);
        }
        copy.removeIf(Objects::isNull); // an element being appended while copied
        return copy;
    }

    /**
     * The engine's own list, not a copy, for reading by index from a position already read up to: it only grows (by
     * appending, under the engine's lock, inside this very call), so the slots below the size read stay as they are —
     * one being written as the size is read may still look empty (null), and is read again later.
     */
    @SuppressWarnings("unchecked")
    static List<Record<?>> live(ZeebeTestEngine engine) {
        Iterable<Record<?>> records = engine.getRecordStreamSource().getRecords();
        if (records instanceof List<?> list) {
            return (List<Record<?>>) list;
        }
        return now(engine);
    }
}
