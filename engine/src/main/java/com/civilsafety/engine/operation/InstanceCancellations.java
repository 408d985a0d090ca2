package com.civilsafety.engine.operation;

import com.civilsafety.engine.campaign.CampaignLaunch;
import com.civilsafety.engine.command.EngineUnavailableException;
import com.civilsafety.engine.command.ProcessCommands;
import com.civilsafety.engine.state.InstanceReference;
import com.civilsafety.engine.state.InstanceSearch;
import com.civilsafety.ledger.access.Actor;
import com.civilsafety.ledger.common.ConflictException;
import com.civilsafety.ledger.common.ForbiddenException;
import com.civilsafety.ledger.common.InvalidInputException;
import com.civilsafety.ledger.common.NotFoundException;
import com.civilsafety.ledger.eventlog.InstanceCorrections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 取消流程实例, for a selection, with a reason. What an instance is about decides what cancelling it means: a campaign
 * is cancelled as 专项行动 (its open work and tasks withdrawn, the ledger's campaign ended); a hazard's loop and a
 * report's triage are not cancelled here — the ledger owes them an outcome, and the next engine start would run them
 * again — nor is a part of another instance (the engine cancels a whole instance). Any other instance (a process the
 * platform does not ship) is cancelled and recorded in the event chain. Each instance has its own outcome.
 */
@Service
public class InstanceCancellations {
    public static final int MAX_REASON = 500;
    public static final int MAX_INSTANCES = 200;

    public record Outcome(long processInstanceKey, boolean cancelled, String reason) {
    }

    private final InstanceSearch search;
    private final ProcessCommands commands;
    private final CampaignLaunch campaigns;
    private final InstanceCorrections corrections;
    private final TransactionTemplate transactions;

    InstanceCancellations(InstanceSearch search, ProcessCommands commands, CampaignLaunch campaigns,
                          InstanceCorrections corrections, PlatformTransactionManager txManager) {
        this.search = search;
        this.commands = commands;
        this.campaigns = campaigns;
        this.corrections = corrections;
        this.transactions = new TransactionTemplate(txManager);
    }

    public List<Outcome> cancel(Collection<Long> processInstanceKeys, String reason, Actor actor) {
        if (processInstanceKeys == null || processInstanceKeys.isEmpty()) {
            throw new InvalidInputException("instances", "请选择要取消的流程实例");
        }
        if (processInstanceKeys.size() > MAX_INSTANCES) {
            throw new InvalidInputException("instances", "一次最多取消 " + MAX_INSTANCES + " 个流程实例");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "请说明取消原因");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "取消原因不超过 " + MAX_REASON + " 个字");
        }
        String why = reason.strip();
        List<Outcome> outcomes = new ArrayList<>();
        for (long key : processInstanceKeys.stream().distinct().toList()) {
            outcomes.add(cancelOne(key, why, actor));
        }
        return outcomes;
    }

    private Outcome cancelOne(long key, String why, Actor actor) {
        Optional<InstanceSearch.Row> found = search.one(key, actor);
        if (found.isEmpty()) {
            return new Outcome(key, false, "没有这个流程实例（或不在您的管辖范围内）");
        }
        InstanceSearch.Row row = found.get();
        InstanceReference about = row.about();
        if (row.status() == InstanceSearch.Status.COMPLETED || row.status() == InstanceSearch.Status.CANCELLED) {
            return new Outcome(key, false, "流程已经结束");
        }
        if (row.parentProcessInstanceKey() != null) {
            return new Outcome(key, false, "这是另一个流程的一部分（" + row.processName() + "），只能随整个流程一起取消");
        }
        if (about.hazardId() != null) {
            return new Outcome(key, false, "隐患整改闭环不能取消：隐患须整改、核查、销号；误报的隐患请在隐患页面撤回");
        }
        if (about.reportId() != null) {
            return new Outcome(key, false, "举报核查流程不能取消：请在举报线索中核查办结");
        }
        try {
            if (ProcessCommands.CAMPAIGN.equals(row.bpmnProcessId()) && about.campaignId() != null) {
                campaigns.cancel(about.campaignId(), why, actor);
            } else {
                // recorded first, in a transaction the engine's refusal rolls back
                transactions.executeWithoutResult(status -> {
                    corrections.instanceCancelled(key, about.subject(), row.processName(), why, actor);
                    commands.cancel(key);
                });
            }
            return new Outcome(key, true, null);
        } catch (ConflictException | ForbiddenException | NotFoundException | EngineUnavailableException e) {
            return new Outcome(key, false, e.getMessage());
        }
    }
}
