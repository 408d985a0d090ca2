package com.civilsafety.engine.command;

import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The two ways a process is started for something the ledger has already committed (committing first means the
 * process's first worker always finds it):
 * <ul>
 * <li>{@link #orWithdraw}: the start belongs to the person's request (a hazard reported, a campaign deployed) — if the
 * engine refuses it, the record is withdrawn again and the refusal answered, so nothing stays on the books without
 * its process;</li>
 * <li>{@link #orLeaveToSweep}: the record stands whatever the engine does (a whistleblower's report, hazards found in
 * a submission) — a start that fails now is left to a sweep that tries again.</li>
 * </ul>
 */
public final class ProcessStarts {
    private ProcessStarts() {
    }

    public static void orWithdraw(Runnable start, Consumer<String> withdraw) {
        try {
            start.run();
        } catch (RuntimeException e) {
            withdraw.accept("流程未能启动：" + e.getMessage());
            throw e;
        }
    }

    /** Whether the start went through; one that did not is logged to the caller's log, {@code what} naming it. */
    public static boolean orLeaveToSweep(Logger log, String what, Runnable start) {
        try {
            start.run();
            return true;
        } catch (RuntimeException e) {
            log.warn("{} did not start now; the sweep will retry: {}", what, e.toString());
            return false;
        }
    }
}
