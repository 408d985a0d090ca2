package com.civilsafety.engine.whistleblower;

import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.command.ProcessStarts;
import com.civilsafety.ledger.whistleblower.WhistleblowerSubmission;
import com.civilsafety.ledger.whistleblower.WhistleblowerTriage;
import com.civilsafety.ledger.whistleblower.Whistleblowers;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A whistleblower's report is accepted whether or not the engine is there: it commits first, then its triage
 * starts; a triage that could not start now is started by the sweep later. (Should the engine take a start whose
 * acknowledgement is lost, the sweep starts a second one; its first step finds the report triaged by the other and
 * stops as an incident instead of opening a second verification.)
 */
@Service
public class WhistleblowerIntake {
    static final Duration MISSED_AFTER = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(WhistleblowerIntake.class);

    private final Whistleblowers whistleblowers;
    private final WhistleblowerTriage triage;
    private final ProcessCommands processes;
    private final Clock clock;

    WhistleblowerIntake(Whistleblowers whistleblowers, WhistleblowerTriage triage, ProcessCommands processes, Clock clock) {
        this.whistleblowers = whistleblowers;
        this.triage = triage;
        this.processes = processes;
        this.clock = clock;
    }

    public Whistleblowers.Receipt submit(WhistleblowerSubmission submission) {
        Whistleblowers.Receipt receipt = whistleblowers.submit(submission);
        start(receipt.reportId());
        return receipt;
    }

    @Scheduled(fixedDelayString = "${civil-safety.whistleblower.sweep:PT1M}", initialDelayString = "PT30S")
    void sweep() {
        triage.untriaged(clock.instant().minus(MISSED_AFTER)).forEach(this::start);
    }

    private void start(long reportId) {
        ProcessStarts.orLeaveToSweep(log, "The triage of whistleblower report " + reportId,
                () -> whistleblowers.started(reportId, processes.startWhistleblowerTriage(reportId)));
    }
}
